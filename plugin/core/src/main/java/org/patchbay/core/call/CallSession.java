package org.patchbay.core.call;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.patchbay.core.account.Account;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.events.CallRedirected;
import org.patchbay.core.telephony.EventSink;
import org.patchbay.core.telephony.OriginateRequest;
import org.patchbay.core.telephony.TelephonyEvent;
import org.patchbay.core.twiml.TwimlDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One call leg driven by TwiML. It lives on one Vert.x context and is touched only there: events
 * from the PBX, replies to its ARI requests and its timers all arrive on that context, in order.
 *
 * <p>The session wires a call's parts together and is where the PBX, the router and the REST API reach it:
 * {@link VerbLoop} runs its documents, {@link SessionControl} is what its verbs see, {@link CallLifecycle}
 * moves it through its phases and {@link CallProgress} records each status. A hang-up (either side) ends the
 * session at once: open waits are released and no further PBX request is made for the channel.
 */
public final class CallSession implements CallLeg, EventSink {
    private static final Logger LOG = LoggerFactory.getLogger(CallSession.class);

    private final CallRouter router;
    private final CallServices services;
    private final Context context;
    private final String channelId;
    private final SessionListeners listeners;
    private final VerbLoop loop;
    private final SessionControl control;
    private final CallProgress progress;
    private final CallLifecycle lifecycle;
    private Account account;
    private CallApp app;
    private CallStart start = CallStart.INBOUND;
    private TwimlDocument pendingDocument;

    CallSession(CallRouter router, CallServices services, Context context, String channelId) {
        this.router = router;
        this.services = services;
        this.context = context;
        this.channelId = channelId;
        this.listeners = new SessionListeners(router.routes(), this);
        this.loop = new VerbLoop(this, services, context);
        this.progress = new CallProgress(services);
        this.lifecycle = new CallLifecycle(this, services, progress);
        SessionWaits waits = new SessionWaits(services.vertx(), services.telephony(), listeners, lifecycle::isEnded);
        CallPbx pbx = new SessionPbx(services.telephony(), channelId, lifecycle::isEnded);
        this.control = new SessionControl(this, services, loop, waits, listeners, pbx);
    }

    // ---- how the call starts ---------------------------------------------------------------

    /** An inbound call: let the caller hear ringing, find its application, then fetch and run it. */
    void beginInbound(InboundRoute route, String from, String callerName) {
        account = route.account();
        app = route.app();
        Instant now = Instant.now();
        progress.begin(CallRecord.newCall(router.newCallSid(), account.sid(), Direction.INBOUND, CallStatus.RINGING, now)
                .between(route.from() != null ? route.from() : from, route.to()).callerName(callerName)
                .phoneNumberSid(route.phoneNumberSid()).carriedBy(channelId, services.nodeId()).build(),
                app, account.authToken());
        if (lifecycle.isEnded()) {
            lifecycle.settleLateRecord();
            return;
        }
        router.registered(this);
        progress.initiated(now);
        progress.reportRinging(now);
        lifecycle.arrivedRinging();
        if (route.routed()) {
            loop.fetchAndRun(app.voiceUrl(), app.voiceMethod(), route.params());
        } else {
            loop.run(null, route.fixedDocument());
        }
    }

    /**
     * A call Patchbay places (through the API, or a {@code <Dial>}'s party): it is queued until the far end rings,
     * and what runs once answered is its start mode's; an API call's inline TwiML, if any, waits in {@code inline}.
     */
    void beginOriginated(Account account, CallApp app, CallRecord queued, OriginateRequest originate, CallStart how,
                         TwimlDocument inline) {
        this.account = account;
        this.app = app;
        this.start = how;
        this.pendingDocument = inline;
        progress.begin(queued, app, account.authToken());
        router.registered(this);
        progress.initiated(queued.dateCreated());
        services.telephony().originate(originate).onFailure(e -> {
            if (!lifecycle.isEnded()) {
                LOG.warn("call {}: cannot originate to {}: {}", queued.sid(), originate.endpoint(), e.getMessage());
                lifecycle.originateFailed();
            }
        });
    }

    // ---- what the PBX tells of the channel -------------------------------------------------

    @Override
    public void deliver(TelephonyEvent event) {
        context.runOnContext(v -> handle(event));
    }

    private void handle(TelephonyEvent event) {
        if (!channelId.equals(event.key())) {
            listeners.dispatch(event);
        } else if (event instanceof TelephonyEvent.DtmfReceived dtmf) {
            control.dtmfReceived(dtmf.digit());
        } else if (event instanceof TelephonyEvent.StasisStarted started && start.outbound()) {
            farEndAnswered(started.args());
        } else if (event instanceof TelephonyEvent.DialProgress dial) {
            lifecycle.dialProgress(dial.dialStatus());
        } else if (event instanceof TelephonyEvent.ChannelStateChanged changed && "Ringing".equals(changed.channel().state())) {
            lifecycle.farEndRinging();
        } else if (event instanceof TelephonyEvent.HangupRequested hangup) {
            lifecycle.hungUp(hangup.cause());
        } else if (event instanceof TelephonyEvent.ChannelDestroyed destroyed) {
            lifecycle.hungUp(destroyed.cause());
        } else if (event instanceof TelephonyEvent.StasisEnded) {
            lifecycle.hungUp(0);
        }
    }

    /**
     * Notes what answered (answering-machine detection puts it into the Stasis arguments), sends the far end its
     * digits, if any, then does what the start mode does once answered.
     */
    private void farEndAnswered(List<String> stasisArgs) {
        progress.revise(start.answeredWith(record(), stasisArgs));
        if (!lifecycle.farEndAnswered()) {
            return;
        }
        Future<Void> digitsSent = start.digitsOnAnswer() == null ? Future.succeededFuture()
                : control.sendDtmf(start.digitsOnAnswer()).recover(e -> Future.succeededFuture());
        int current = loop.generation();
        digitsSent.onComplete(v -> {
            if (current == loop.generation()) {
                start.answered(this);
            }
        });
    }

    /** The call ended: the running verb is released, claims are given back, and the router forgets the session. */
    void released() {
        loop.supersede();
        control.releaseVerb(false);
        listeners.callEnded();
        router.ended(this);
    }

    /** The channel is gone from the PBX under a verb: the call is over. */
    void channelGone() {
        lifecycle.end();
    }

    // ---- what the call's start mode and its verbs ask for ---------------------------------------

    /** An API call's document once answered: the inline TwiML (or one a redirect left), else its URL. */
    void runAnsweredDocument() {
        if (pendingDocument != null) {
            loop.run(null, pendingDocument);
        } else {
            loop.fetchAndRun(app.voiceUrl(), app.voiceMethod(), Map.of());
        }
    }

    void fetchAndRun(String url, String method, Map<String, String> extra) {
        loop.fetchAndRun(url, method, extra);
    }

    void hangUpNormally() {
        lifecycle.hangup();
    }

    Future<Void> answer() {
        return lifecycle.answer();
    }

    Future<Void> reject(String reason) {
        return lifecycle.reject(reason);
    }

    Future<CallLeg> dial(DialLegRequest request, DialLegObserver observer) {
        if (lifecycle.isEnded()) {
            return Future.failedFuture("the call has ended");
        }
        return router.placeDialLeg(this, request, observer);
    }

    // ---- changes asked for through the REST API ---------------------------------------------

    /** Runs a new document at once, interrupting the current verb; before answer it replaces the application. */
    Future<CallRecord> redirect(String url, String method, TwimlDocument inline) {
        if (lifecycle.isEnded()) {
            return Future.failedFuture(new PatchbayException(400, ErrorCode.CALL_NOT_IN_PROGRESS,
                    "Call is not in-progress. Cannot redirect."));
        }
        if (!lifecycle.answered()) {
            pendingDocument = inline;
            if (inline == null) {
                app = app.withVoiceUrl(url, method);
            }
            return Future.succeededFuture(record());
        }
        loop.supersede();
        control.releaseVerb(true);
        services.events().publish(new CallRedirected(record(), Instant.now(), inline == null ? url : null, inline == null ? method : null));
        if (inline != null) {
            loop.run(null, inline);
        } else {
            loop.fetchAndRun(url, method, Map.of());
        }
        return Future.succeededFuture(record());
    }

    /** Hangs up: {@code completed} in any state, {@code canceled} only before answer; waits briefly for the end. */
    Future<CallRecord> endByRequest(CallStatus requested) {
        if (lifecycle.isEnded() || (requested == CallStatus.CANCELED && lifecycle.answered())) {
            return Future.succeededFuture(record());
        }
        lifecycle.cancel();
        Promise<CallRecord> answer = Promise.promise();
        long patience = services.vertx().setTimer(5_000, id -> answer.tryComplete(record()));
        lifecycle.whenEnded().onComplete(v -> {
            services.vertx().cancelTimer(patience);
            answer.tryComplete(record());
        });
        return answer.future();
    }

    @Override
    public void cancel() {
        lifecycle.cancel();
    }

    // ---- what others read ------------------------------------------------------------------------

    @Override
    public CallRecord record() {
        return progress.record();
    }

    @Override
    public String channelId() {
        return channelId;
    }

    /** What the session's verbs (and its start mode) work through. */
    CallControl control() {
        return control;
    }

    CallStart start() {
        return start;
    }

    boolean answered() {
        return lifecycle.answered();
    }

    boolean isEnded() {
        return lifecycle.isEnded();
    }

    Future<Void> whenEnded() {
        return lifecycle.whenEnded();
    }

    Account account() {
        return account;
    }

    CallApp app() {
        return app;
    }

    Context context() {
        return context;
    }

    String sid() {
        return progress.begun() ? progress.record().sid() : null;
    }
}
