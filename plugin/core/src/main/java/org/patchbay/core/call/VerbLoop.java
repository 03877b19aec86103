package org.patchbay.core.call;

import io.vertx.core.Context;
import io.vertx.core.Future;
import org.patchbay.core.events.VerbStarted;
import org.patchbay.core.telephony.TelephonyException;
import org.patchbay.core.twiml.Dial;
import org.patchbay.core.twiml.Reject;
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
 * The verb loop every kind of call shares: fetches a document, runs its verbs one at a time through their
 * executors, and follows each verb's {@link Next}. Each document run is a generation: a redirect or hang-up
 * starts a new one, and whatever a superseded verb or fetch completes with afterwards is ignored.
 */
final class VerbLoop {
    private static final Logger LOG = LoggerFactory.getLogger(VerbLoop.class);

    private final CallSession session;
    private final CallServices services;
    private final Context context;
    private final DocumentFetcher fetcher;
    private int generation;
    private String documentUrl;
    private Deque<Verb> verbs = new ArrayDeque<>();

    VerbLoop(CallSession session, CallServices services, Context context) {
        this.session = session;
        this.services = services;
        this.context = context;
        this.fetcher = new DocumentFetcher(services, services.events()::publish);
    }

    /** The URL of the document now running (relative URLs in it resolve against it), or null for inline TwiML. */
    String documentUrl() {
        return documentUrl;
    }

    /** A token that stays the same until the running document is superseded. */
    int generation() {
        return generation;
    }

    /** Stops the running document: its pending verbs are dropped and its outstanding results ignored. */
    void supersede() {
        generation++;
        verbs.clear();
    }

    void fetchAndRun(String url, String method, Map<String, String> extra) {
        int current = generation;
        fetcher.fetch(session.account(), session.app(), session.record(), url, method, extra).onComplete(done -> {
            if (current != generation) {
                return;
            }
            if (done.succeeded()) {
                run(done.result().url(), done.result().document());
            } else {
                applicationFailed();
            }
        });
    }

    /** A document fetched for a verb's own use (a Dial's screening, an announcement): no fallback, not run here. */
    Future<TwimlDocument> fetchOnly(String url, String method, Map<String, String> extra) {
        CallApp noFallback = new CallApp(url, method, null, null, null, null, null);
        return fetcher.fetch(session.account(), noFallback, session.record(), url, method, extra)
                .map(DocumentFetcher.Fetched::document);
    }

    void run(String url, TwimlDocument document) {
        documentUrl = url;
        verbs = new ArrayDeque<>(document.verbs());
        document.warnings().forEach(w -> session.control().warn(w.code(), w.message()));
        scheduleNext();
    }

    /** Hops through the context so a document of instant verbs never deepens the stack. */
    private void scheduleNext() {
        int current = generation;
        context.runOnContext(v -> {
            if (current == generation && !session.isEnded()) {
                runNext();
            }
        });
    }

    private void runNext() {
        Verb verb = verbs.poll();
        if (verb == null) {
            session.start().documentEnded(session);
            return;
        }
        int current = generation;
        boolean answerFirst = !session.control().answered() && !(verb instanceof Reject)
                && !(verb instanceof Dial dial && dial.answerOnBridge());
        Future<Void> ready = answerFirst ? session.control().answerNow() : Future.succeededFuture();
        ready.compose(v -> {
            services.events().publish(new VerbStarted(session.record(), Instant.now(), verbName(verb)));
            return services.executors().execute(session.control(), verb);
        }).onComplete(done -> {
            if (current != generation) {
                return;
            }
            if (done.failed()) {
                failed(done.cause());
            } else if (done.result() instanceof Next.Fetch fetch) {
                fetchAndRun(fetch.url(), fetch.method(), fetch.params());
            } else if (done.result() instanceof Next.Hangup) {
                session.hangUpNormally();
            } else {
                scheduleNext();
            }
        });
    }

    /** The TwiML element's name ({@code RecordVerb} is named so only to stay clear of java.lang.Record). */
    private static String verbName(Verb verb) {
        String name = verb.getClass().getSimpleName();
        return name.endsWith("Verb") ? name.substring(0, name.length() - "Verb".length()) : name;
    }

    /** The application could not be had (nor its fallback): apologise like Twilio does, then hang up. */
    private void applicationFailed() {
        int current = generation;
        session.control().answerNow()
                .compose(v -> session.control().play(List.of("sound:an-error-has-occurred")))
                .onComplete(done -> {
                    if (current == generation) {
                        session.hangUpNormally();
                    }
                });
    }

    private void failed(Throwable cause) {
        if (cause instanceof TelephonyException pbx && pbx.isGone()) {
            session.channelGone();
            return;
        }
        LOG.error("call {}: stopping after an unexpected failure: {}", session.record().sid(), cause.toString());
        session.hangUpNormally();
    }
}
