package org.patchbay.core.call;

import org.patchbay.core.presence.DeviceSignals;
import org.patchbay.core.presence.Presence;
import org.patchbay.core.presence.memory.MemoryPresenceStore;
import org.patchbay.core.endpoint.EndpointTemplates;
import org.patchbay.core.endpoint.EndpointDirectory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.patchbay.core.account.Account;
import org.patchbay.core.conference.ConferenceRooms;
import org.patchbay.core.conference.ConferenceServices;
import org.patchbay.core.queue.QueueRooms;
import org.patchbay.core.events.EventPublisher;
import org.patchbay.core.instructions.InstructionRequest;
import org.patchbay.core.limits.CallAdmission;
import org.patchbay.core.limits.LimitDefaults;
import org.patchbay.core.limits.LimitPolicy;
import org.patchbay.core.limits.memory.MemoryAccountLimits;
import org.patchbay.core.limits.memory.MemoryCallPacer;
import org.patchbay.core.limits.memory.MemoryLimiter;
import org.patchbay.core.notification.Notifications;
import org.patchbay.core.recording.RecordingService;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.memory.MemoryStore;
import org.patchbay.core.telephony.EventRoutes;
import org.patchbay.core.tts.Speech;
import org.patchbay.core.tts.SpeechMedia;
import org.patchbay.core.tts.TtsEngine;
import org.patchbay.core.twiml.TwimlParser;
import org.patchbay.core.webhook.Webhook;
import org.patchbay.core.webhook.WebhookOutcome;
import org.patchbay.core.webhook.WebhookSender;
import org.patchbay.testkit.telephony.MemoryCall;
import org.patchbay.testkit.stream.MemoryStreamApps;
import org.patchbay.testkit.telephony.MemoryTelephony;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The call engine of core wired as the server wires it, but on the memory PBX, the memory store and a
 * scripted app: no server, no socket. A call is placed with {@link #call(String)} and its document is
 * whatever the test scripted at that path.
 */
final class CallEngine implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(5);

    final Vertx vertx = Vertx.vertx();
    final MemoryTelephony pbx;
    final MemoryStore store = new MemoryStore();
    final ScriptedApp app = new ScriptedApp();
    final MemoryStreamApps streams = new MemoryStreamApps();
    final List<Webhook> webhooks = new CopyOnWriteArrayList<>();
    final Account account;
    final CallRouter router;

    CallEngine() {
        Instant now = Instant.now();
        String sid = Sids.next("AC");
        account = new Account(sid, sid, "token", "Main account", Account.Status.active, now, now);
        await(store.of(Account.KIND).put(account));
        WebhookSender sender = webhook -> {
            webhooks.add(webhook);
            return Future.succeededFuture(new WebhookOutcome(true, 1, 200, null));
        };
        EventRoutes routes = new EventRoutes();
        SessionContexts contexts = await(SessionContexts.create(vertx, 1));
        pbx = new MemoryTelephony(vertx, contexts.next());
        RecordingService recordings = new RecordingService(store, sender, "http://127.0.0.1:8080");
        ConferenceServices rooms = new ConferenceServices(contexts.next(), pbx, store, sender, recordings);
        Presence presence = new Presence(new MemoryPresenceStore(), DeviceSignals.local(), EventPublisher.none(),
                Duration.ofSeconds(30), "node-1");
        CallServices services = new CallServices(vertx, pbx, store, app, sender,
                new SpeechMedia(new FixedSpeech(), "http://127.0.0.1:8080", vertx, null), new TwimlParser(),
                VerbExecutors.standard(new ConferenceRooms(rooms, routes), new QueueRooms(rooms), presence, streams),
                new Notifications(store), recordings, "node-1", EventPublisher.none());
        router = new CallRouter(services, contexts, new InboundRouting(store, account.sid(), presence),
                EndpointDirectory.of(EndpointTemplates.defaults()), routes,
                new CallAdmission(vertx, new LimitPolicy(LimitDefaults.standard(), new MemoryAccountLimits()),
                        new MemoryLimiter(), new MemoryCallPacer()));
        router.start();
    }

    /** A caller rings the number wired (through the dialplan's Stasis arguments) to the document at {@code path}. */
    MemoryCall call(String path) {
        return call(path, caller -> { });
    }

    /** The same, with the caller scripted before the call reaches Patchbay (e.g. {@code c -> c.hangUpOn("play")}). */
    MemoryCall call(String path, java.util.function.Consumer<MemoryCall> script) {
        return pbx.inbound("+15550001111", "1000", script, "url=" + ScriptedApp.BASE + path, "method=POST");
    }

    /** The call's record once it has ended. */
    CallRecord finished(MemoryCall call) {
        waitUntil("the call on " + call.channelId() + " to end", () -> record(call) != null && record(call).status().isFinal());
        return record(call);
    }

    CallRecord record(MemoryCall call) {
        return await(store.of(CallRecord.KIND).list(account.sid(), r -> call.channelId().equals(r.channelId()), 0, 1))
                .items().stream().findFirst().orElse(null);
    }

    InstructionRequest awaitRequest(String path) {
        waitUntil("a request to " + path, () -> !app.requests(path).isEmpty());
        return app.requests(path).get(0);
    }

    void waitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + PATIENCE + " for " + what + "; PBX requests: " + pbx.commands());
            }
            sleep(5);
        }
    }

    /** After a call ended: Patchbay made no request about a gone channel and holds no session or claim. */
    void assertClean() {
        waitUntil("every session and claim to be released", () -> router.liveSessions().isEmpty() && router.claimCount() == 0);
        if (!pbx.lateCommands().isEmpty()) {
            throw new AssertionError("PBX requests after a hang-up: " + pbx.lateCommands() + "; all: " + pbx.commands());
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("future failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        await(vertx.close());
    }

    /** Speech without espeak-ng: an id per text, never played for real. */
    private static final class FixedSpeech implements TtsEngine {
        @Override
        public Future<Speech> synthesize(String text, String voice, String language) {
            return Future.succeededFuture(new Speech(Integer.toHexString(text.hashCode()), Path.of("unused.wav"), 1000));
        }

        @Override
        public Speech cached(String id) {
            return null;
        }
    }
}
