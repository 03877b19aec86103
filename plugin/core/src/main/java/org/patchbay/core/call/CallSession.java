package org.patchbay.core.call;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import org.patchbay.core.account.Account;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.events.CallEvent;
import org.patchbay.core.events.CallRedirected;
import org.patchbay.core.events.CallStatusChanged;
import org.patchbay.core.events.VerbStarted;
import org.patchbay.core.instructions.RelativeUrls;
import org.patchbay.core.notification.Notifications;
import org.patchbay.core.recording.RecordingService;
import org.patchbay.core.webhook.Webhook;
import org.patchbay.core.telephony.EventSink;
import org.patchbay.core.telephony.OriginateRequest;
import org.patchbay.core.telephony.Telephony;
import org.patchbay.core.telephony.TelephonyEvent;
import org.patchbay.core.telephony.TelephonyException;
import org.patchbay.core.twiml.Dial;
import org.patchbay.core.twiml.Reject;
import org.patchbay.core.twiml.Say;
import org.patchbay.core.twiml.TwimlDocument;
import org.patchbay.core.twiml.Verb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * One call leg driven by TwiML. It lives on one Vert.x context and is touched only there: events
 * from the PBX, replies to its ARI requests and its timers all arrive on that context, in order.
 *
 * <p>The session runs the document's verbs one at a time through their executors; a verb's
 * {@link Next} says whether to go on, fetch a new document or hang up. A hang-up (either side) ends
 * the session at once: open waits are released and no further PBX request is made for the channel.
 */
public final class CallSession implements CallControl, CallLeg, EventSink {
    private static final Logger LOG = LoggerFactory.getLogger(CallSession.class);

    enum Phase { STARTING, RINGING, ANSWERED, ENDED }

    private final CallRouter router;
    private final CallServices services;
    private final Context context;
    private final String channelId;
    private final SessionListeners listeners;
    private final SessionWaits waits;
    private final DocumentFetcher fetcher;
    private final CallPbx pbx;
    private Account account;
    private CallApp app;
    private StatusCallbacks callbacks;
    private CallRecord record;
    private Phase phase = Phase.STARTING;
    private CallStatus endStatus;
    private boolean hangupSent;
    private int generation;
    private String documentUrl;
    private Deque<Verb> verbs = new ArrayDeque<>();
    private Handler<Character> dtmfListener;
    private final Promise<Void> ended = Promise.promise();
    private CallStart start = CallStart.INBOUND;
    private TwimlDocument pendingDocument;
    private long timeLimitTimer = -1;
    private String lastDialStatus;

    CallSession(CallRouter router, CallServices services, Context context, String channelId) {
        this.router = router;
        this.services = services;
        this.context = context;
        this.channelId = channelId;
        this.pbx = new SessionPbx(services.telephony(), channelId, () -> phase == Phase.ENDED);
        this.fetcher = new DocumentFetcher(services, this::publish);
        this.listeners = new SessionListeners(router.routes(), this);
        this.waits = new SessionWaits(services.vertx(), services.telephony(), listeners, () -> phase == Phase.ENDED);
    }

    // ---- life cycle ------------------------------------------------------------------------

    /** An inbound call: let the caller hear ringing, find its application, then fetch and run it. */
    void beginInbound(InboundRoute route, String from, String callerName) {
        account = route.account();
        app = route.app();
        callbacks = new StatusCallbacks(services.webhooks(), app, account.authToken());
        Instant now = Instant.now();
        record = CallRecord.newCall(router.newCallSid(), account.sid(), Direction.INBOUND, CallStatus.RINGING, now)
                .between(route.from() != null ? route.from() : from, route.to()).callerName(callerName).phoneNumberSid(route.phoneNumberSid())
                .carriedBy(channelId, services.nodeId()).build();
        if (phase == Phase.ENDED) {
            finish(now);
            return;
        }
        router.registered(this);
        save("initiated", now);
        callbacks.report("ringing", record, now);
        phase = Phase.RINGING;
        if (route.routed()) {
            fetchAndRun(app.voiceUrl(), app.voiceMethod(), route.params());
        } else {
            runDocument(null, route.fixedDocument());
        }
    }

    /**
     * An outbound call: it is queued until the far end rings, and its document runs once answered.
     * Busy, no answer and failure are read from the dial status and the hang-up cause.
     */
    void beginOutbound(Account account, CallApp app, CallRecord queued, OriginateRequest originate,
                       TwimlDocument inline, String sendDigits, int timeLimitSeconds, CallRecordingOptions recording) {
        pendingDocument = inline;
        beginOriginated(account, app, queued, originate, new CallStart.ApiCall(sendDigits, timeLimitSeconds, recording, app.machineDetection()));
    }

    /** A party rung by a {@code <Dial>} on another call: answered, it is screened if asked, then handed over. */
    void beginDialLeg(Account account, CallRecord queued, OriginateRequest originate, DialLegRequest request,
                      DialLegObserver observer) {
        beginOriginated(account, request.app(), queued, originate, new CallStart.DialLeg(request, observer));
    }

    private void beginOriginated(Account account, CallApp app, CallRecord queued, OriginateRequest originate, CallStart how) {
        this.account = account;
        this.app = app;
        this.callbacks = new StatusCallbacks(services.webhooks(), app, account.authToken());
        this.record = queued;
        this.start = how;
        router.registered(this);
        save("initiated", queued.dateCreated());
        services.telephony().originate(originate).onFailure(e -> {
            if (phase != Phase.ENDED) {
                LOG.warn("call {}: cannot originate to {}: {}", record.sid(), originate.endpoint(), e.getMessage());
                endStatus = CallStatus.FAILED;
                end();
            }
        });
    }

    @Override
    public void deliver(TelephonyEvent event) {
        context.runOnContext(v -> handle(event));
    }

    private void handle(TelephonyEvent event) {
        if (channelId.equals(event.key())) {
            if (event instanceof TelephonyEvent.DtmfReceived dtmf && dtmfListener != null) {
                dtmfListener.handle(dtmf.digit());
            } else if (event instanceof TelephonyEvent.StasisStarted started && start.outbound()) {
                record = start.answeredWith(record, started.args());
                outboundAnswered();
            } else if (event instanceof TelephonyEvent.DialProgress dial) {
                onDialProgress(dial.dialStatus());
            } else if (event instanceof TelephonyEvent.ChannelStateChanged changed && "Ringing".equals(changed.channel().state())) {
                ringing();
            } else if (event instanceof TelephonyEvent.HangupRequested hangup) {
                hungUp(hangup.cause());
            } else if (event instanceof TelephonyEvent.ChannelDestroyed destroyed) {
                hungUp(destroyed.cause());
            } else if (event instanceof TelephonyEvent.StasisEnded) {
                hungUp(0);
            }
            return;
        }
        listeners.dispatch(event);
    }

    private void onDialProgress(String dialStatus) {
        if ("RINGING".equals(dialStatus) || "PROGRESS".equals(dialStatus)) {
            ringing();
        } else if (!dialStatus.isEmpty() && !"ANSWER".equals(dialStatus)) {
            lastDialStatus = dialStatus;
        }
    }

    private void ringing() {
        if (start.outbound() && phase == Phase.STARTING) {
            phase = Phase.RINGING;
            Instant now = Instant.now();
            record = record.withStatus(CallStatus.RINGING, now);
            save("ringing", now);
        }
    }

    private void outboundAnswered() {
        if (phase == Phase.ANSWERED || phase == Phase.ENDED) {
            return;
        }
        ringing();
        markAnswered();
        Future<Void> digitsSent = start.digitsOnAnswer() == null ? Future.succeededFuture()
                : sendDtmf(start.digitsOnAnswer()).recover(e -> Future.succeededFuture());
        int current = generation;
        digitsSent.onComplete(v -> {
            if (current != generation) {
                return;
            }
            start.answered(this);
        });
    }

    private void hungUp(int cause) {
        if (start.outbound() && phase != Phase.ANSWERED && endStatus == null) {
            endStatus = OutboundOutcome.of(cause, lastDialStatus);
        }
        end();
    }

    /** The caller or Patchbay hung up: settle the record once, release everything, touch the PBX no more. */
    private void end() {
        if (phase == Phase.ENDED) {
            return;
        }
        phase = Phase.ENDED;
        generation++;
        if (timeLimitTimer >= 0) {
            services.vertx().cancelTimer(timeLimitTimer);
        }
        dtmfListener = null;
        waits.interruptAll(false);
        listeners.callEnded();
        router.ended(this);
        if (record != null) {
            finish(Instant.now());
        }
        ended.tryComplete();
    }

    /** Final status: what a Reject chose, else completed (Twilio's status for an inbound call that ended). */
    private void finish(Instant at) {
        record = record.endedAt(endStatus != null ? endStatus : CallStatus.COMPLETED, at);
        save("completed", at);
        start.ended(this, record.status());
    }

    private void save(String event, Instant at) {
        services.store().of(CallRecord.KIND).put(record)
                .onFailure(e -> LOG.error("call {}: could not store its record: {}", record.sid(), e.getMessage()));
        callbacks.report(event, record, at);
        publish(new CallStatusChanged(record, event, at, StatusCallbacks.parameters(event, record, at)));
    }

    // ---- running documents -------------------------------------------------------------------

    /** An API call's document once answered: the inline TwiML (or one a redirect left), else its URL. */
    void runAnsweredDocument() {
        if (pendingDocument != null) {
            runDocument(null, pendingDocument);
        } else {
            fetchAndRun(app.voiceUrl(), app.voiceMethod(), Map.of());
        }
    }

    void hangUpNormally() {
        hangup("normal");
    }

    void fetchAndRun(String url, String method, Map<String, String> extra) {
        int current = generation;
        fetcher.fetch(account, app, record, url, method, extra).onComplete(done -> {
            if (current != generation) {
                return;
            }
            if (done.succeeded()) {
                runDocument(done.result().url(), done.result().document());
            } else {
                applicationFailed();
            }
        });
    }

    private void runDocument(String url, TwimlDocument document) {
        documentUrl = url;
        verbs = new ArrayDeque<>(document.verbs());
        document.warnings().forEach(w -> warn(w.code(), w.message()));
        scheduleNext();
    }

    /** Hops through the context so a document of instant verbs never deepens the stack. */
    private void scheduleNext() {
        int current = generation;
        context.runOnContext(v -> {
            if (current == generation && phase != Phase.ENDED) {
                runNext();
            }
        });
    }

    /** The TwiML element's name ({@code RecordVerb} is named so only to stay clear of java.lang.Record). */
    private static String verbName(Verb verb) {
        String name = verb.getClass().getSimpleName();
        return name.endsWith("Verb") ? name.substring(0, name.length() - "Verb".length()) : name;
    }

    private void runNext() {
        Verb verb = verbs.poll();
        if (verb == null) {
            start.documentEnded(this);
            return;
        }
        int current = generation;
        boolean answerFirst = phase != Phase.ANSWERED && !(verb instanceof Reject)
                && !(verb instanceof Dial dial && dial.answerOnBridge());
        Future<Void> ready = answerFirst ? answer() : Future.succeededFuture();
        ready.compose(v -> {
            publish(new VerbStarted(record, Instant.now(), verbName(verb)));
            return services.executors().execute(this, verb);
        }).onComplete(done -> {
            if (current != generation) {
                return;
            }
            if (done.failed()) {
                failed(done.cause());
            } else if (done.result() instanceof Next.Fetch fetch) {
                fetchAndRun(fetch.url(), fetch.method(), fetch.params());
            } else if (done.result() instanceof Next.Hangup) {
                hangup("normal");
            } else {
                scheduleNext();
            }
        });
    }

    /** The application could not be had (nor its fallback): apologise like Twilio does, then hang up. */
    private void applicationFailed() {
        int current = generation;
        Future<Void> ready = phase == Phase.ANSWERED ? Future.succeededFuture() : answer();
        ready.compose(v -> play(List.of("sound:an-error-has-occurred")))
                .onComplete(done -> {
                    if (current == generation) {
                        hangup("normal");
                    }
                });
    }

    private void failed(Throwable cause) {
        if (cause instanceof TelephonyException pbx && pbx.isGone()) {
            end();
            return;
        }
        LOG.error("call {}: stopping after an unexpected failure: {}", record.sid(), cause.toString());
        hangup("normal");
    }

    private Future<Void> answer() {
        return services.telephony().answer(channelId).map(v -> {
            if (phase != Phase.ENDED && phase != Phase.ANSWERED) {
                markAnswered();
            }
            return v;
        });
    }

    private void markAnswered() {
        phase = Phase.ANSWERED;
        Instant now = Instant.now();
        record = record.answeredAt(now);
        save("answered", now);
        if (start.timeLimitSeconds() > 0) {
            timeLimitTimer = services.vertx().setTimer(start.timeLimitSeconds() * 1000L, id -> hangup("normal"));
        }
    }

    // ---- changes asked for through the REST API ---------------------------------------------

    /** Runs a new document at once, interrupting the current verb; before answer it replaces the application. */
    Future<CallRecord> redirect(String url, String method, TwimlDocument inline) {
        if (phase == Phase.ENDED) {
            return Future.failedFuture(new PatchbayException(400, ErrorCode.CALL_NOT_IN_PROGRESS,
                    "Call is not in-progress. Cannot redirect."));
        }
        if (phase != Phase.ANSWERED) {
            pendingDocument = inline;
            if (inline == null) {
                app = app.withVoiceUrl(url, method);
            }
            return Future.succeededFuture(record);
        }
        interrupt();
        publish(new CallRedirected(record, Instant.now(), inline == null ? url : null, inline == null ? method : null));
        if (inline != null) {
            runDocument(null, inline);
        } else {
            fetchAndRun(url, method, Map.of());
        }
        return Future.succeededFuture(record);
    }

    /** Hangs up: {@code completed} in any state, {@code canceled} only before answer; waits briefly for the end. */
    Future<CallRecord> endByRequest(CallStatus requested) {
        if (phase == Phase.ENDED || (requested == CallStatus.CANCELED && phase == Phase.ANSWERED)) {
            return Future.succeededFuture(record);
        }
        if (phase != Phase.ANSWERED) {
            endStatus = CallStatus.CANCELED;
        }
        hangupSent = false;
        hangup("normal");
        Promise<CallRecord> answer = Promise.promise();
        long patience = services.vertx().setTimer(5_000, id -> answer.tryComplete(record));
        ended.future().onComplete(v -> {
            services.vertx().cancelTimer(patience);
            answer.tryComplete(record);
        });
        return answer.future();
    }

    private void interrupt() {
        generation++;
        dtmfListener = null;
        verbs.clear();
        waits.interruptAll(true);
    }

    private void hangup(String reason) {
        if (hangupSent || phase == Phase.ENDED) {
            return;
        }
        hangupSent = true;
        services.telephony().hangup(channelId, reason).onFailure(e -> end());
    }

    // ---- CallControl -------------------------------------------------------------------------

    @Override
    public CallRecord record() {
        return record;
    }

    @Override
    public String channelId() {
        return channelId;
    }

    @Override
    public String documentUrl() {
        return documentUrl;
    }

    @Override
    public String resolve(String url) {
        return documentUrl == null ? url : RelativeUrls.resolve(documentUrl, url);
    }

    @Override
    public boolean answered() {
        return phase == Phase.ANSWERED;
    }

    @Override
    public Playback startPlayback(List<String> media) {
        return waits.play(record.sid(), channelId, media);
    }

    @Override
    public Future<String> speech(Say say) {
        return services.speech().mediaFor(say.text(), say.voice(), say.language());
    }

    @Override
    public Future<String> playableMedia(String url) {
        return services.speech().mediaForUrl(url);
    }

    @Override
    public Future<Void> pause(long millis) {
        return waits.pause(millis);
    }

    @Override
    public Cancellable schedule(long millis, Runnable action) {
        return waits.schedule(millis, action);
    }

    @Override
    public void onDtmf(Handler<Character> listener) {
        dtmfListener = listener;
    }

    @Override
    public Future<Void> sendDtmf(String digits) {
        return pbx.sendDigits(digits);
    }

    @Override
    public Future<Void> reject(String reason) {
        endStatus = "busy".equals(reason) ? CallStatus.BUSY : CallStatus.NO_ANSWER;
        hangupSent = true;
        return services.telephony().hangup(channelId, "busy".equals(reason) ? "busy" : "rejected")
                .recover(e -> Future.succeededFuture());
    }

    @Override
    public void warn(int errorCode, String message) {
        services.notifications().warning(account.sid(), record.sid(), errorCode, message,
                new Notifications.Request(documentUrl, null, Map.of(), null, null));
    }

    @Override
    public CallPbx pbx() {
        return pbx;
    }

    @Override
    public void listen(String key, Handler<TelephonyEvent> handler, boolean outlivesCall) {
        listeners.listen(key, handler, outlivesCall);
    }

    @Override
    public void unlisten(String key) {
        listeners.unlisten(key);
    }

    @Override
    public void cancel() {
        if (phase == Phase.ENDED) {
            return;
        }
        if (phase != Phase.ANSWERED) {
            endStatus = CallStatus.CANCELED;
        }
        hangupSent = false;
        hangup("normal");
    }

    @Override
    public Future<CallLeg> dial(DialLegRequest request, DialLegObserver observer) {
        if (phase == Phase.ENDED) {
            return Future.failedFuture("the call has ended");
        }
        return router.placeDialLeg(this, request, observer);
    }

    @Override
    public Future<Void> answerNow() {
        return phase == Phase.ANSWERED ? Future.succeededFuture() : answer();
    }

    @Override
    public Future<TwimlDocument> fetchDocument(String url, String method, Map<String, String> extra) {
        CallApp noFallback = new CallApp(url, method, null, null, null, null, null);
        return fetcher.fetch(account, noFallback, record, url, method, extra).map(DocumentFetcher.Fetched::document);
    }

    @Override
    public void publish(CallEvent event) {
        services.events().publish(event);
    }

    @Override
    public Future<Void> whenEnded() {
        return ended.future();
    }

    @Override
    public Account account() {
        return account;
    }

    @Override
    public RecordingService recordings() {
        return services.recordings();
    }

    @Override
    public void callback(String url, String method, Map<String, String> extra) {
        Map<String, String> params = CallParameters.of(record);
        params.putAll(extra);
        services.webhooks().send(new Webhook(url, method, params, account.authToken(), record.sid()));
    }

    Context context() {
        return context;
    }

    String sid() {
        return record == null ? null : record.sid();
    }
}
