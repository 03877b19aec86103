package org.patchbay.core.call;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.patchbay.core.call.stream.StreamErrors;
import org.patchbay.core.notification.Notification;
import org.patchbay.testkit.stream.MemoryStreamSocket;
import org.patchbay.testkit.telephony.MemoryCall;
import org.patchbay.testkit.telephony.MediaScript;
import org.patchbay.testkit.telephony.MemoryMediaLink;

import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code <Connect><Stream>}, {@code <Start><Stream>} and {@code <Stop><Stream>} on the memory PBX with in-memory apps. */
class StreamVerbsTest {
    private static final byte[] FRAME = new byte[160];

    private final CallEngine engine = new CallEngine();

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void connectRelaysBothWaysUntilTheAppClosesThenTheNextVerbRuns() {
        engine.app.respond("/voice", "<Response><Connect><Stream url=\"wss://app.invalid/s\">"
                + "<Parameter name=\"lang\" value=\"en\"/></Stream></Connect><Play>sound:beep</Play></Response>");
        MemoryCall caller = engine.call("/voice");
        MemoryStreamSocket app = socket();
        MemoryMediaLink link = link();
        engine.waitUntil("connected and start", () -> app.events().size() >= 2);
        assertEquals(List.of("connected", "start"), app.events());
        assertEquals("en", app.received().get(1).getJsonObject("start").getJsonObject("customParameters").getString("lang"));
        assertTrue(app.headers().containsKey("X-Twilio-Signature"), app.headers().toString());
        link.fromCaller(Buffer.buffer(FRAME));
        engine.waitUntil("the caller's frame at the app", () -> app.events().contains("media"));
        app.appSends(new JsonObject().put("event", "media").put("streamSid", streamSid(app))
                .put("media", new JsonObject().put("payload", Base64.getEncoder().encodeToString(FRAME))));
        engine.waitUntil("the app's frame sent to the caller", () -> !link.sent().isEmpty());
        assertArrayEquals(FRAME, link.sent().get(0).getBytes());
        app.appCloses();
        engine.waitUntil("the beep after the stream", () -> caller.heard().contains("sound:beep"));
        assertTrue(link.closed(), "the external media channel is hung up");
        engine.finished(caller);
        engine.assertClean();
    }

    @Test
    void aCallerHangingUpSendsStopAndLeavesNoMediaChannel() {
        engine.app.respond("/voice", "<Response><Connect><Stream url=\"wss://app.invalid/s\"/></Connect></Response>");
        MemoryCall caller = engine.call("/voice");
        MemoryStreamSocket app = socket();
        MemoryMediaLink link = link();
        engine.waitUntil("the stream relaying", () -> app.events().contains("start"));
        caller.hangUp();
        engine.finished(caller);
        engine.waitUntil("stop sent and the socket closed", () -> app.events().contains("stop") && app.closed());
        engine.waitUntil("the media channel gone", link::closed);
        engine.assertClean();
    }

    @Test
    void aRefusedAppIsWarnedAboutAndTheCallGoesOn() {
        engine.streams.refuse(403);
        engine.app.respond("/voice", "<Response><Connect><Stream url=\"wss://app.invalid/s\"/></Connect>"
                + "<Play>sound:beep</Play></Response>");
        MemoryCall caller = engine.call("/voice");
        engine.waitUntil("the beep", () -> caller.heard().contains("sound:beep"));
        engine.finished(caller);
        engine.waitUntil("a 31920 warning", () -> notifications().stream().anyMatch(n -> n.errorCode() == StreamErrors.HANDSHAKE));
        assertTrue(engine.pbx.commands("externalMedia").isEmpty(), "no media channel for a refused app");
        engine.assertClean();
    }

    @Test
    void startForksWhileTheNextVerbsRunAndStopEndsTheFork() {
        engine.pbx.media(MediaScript.holding());
        engine.app.respond("/voice", "<Response><Start><Stream name=\"tap\" url=\"wss://app.invalid/fork\"/></Start>"
                + "<Play>sound:beep</Play><Stop><Stream name=\"tap\"/></Stop><Play>sound:tt-monkeys</Play></Response>");
        MemoryCall caller = engine.call("/voice");
        MemoryStreamSocket app = socket();
        engine.waitUntil("the fork started while the beep plays", () -> app.events().contains("start") && caller.heard().contains("sound:beep"));
        assertEquals(List.of("inbound"), app.received().get(1).getJsonObject("start").getJsonArray("tracks").getList());
        engine.pbx.mediaLinks().get(0).fromCaller(Buffer.buffer(FRAME));
        engine.waitUntil("the caller's audio at the fork's app", () -> app.events().contains("media"));
        caller.finishPlayback();
        engine.waitUntil("stop sent to the fork's app", () -> app.events().contains("stop") && app.closed());
        engine.waitUntil("the next verb", () -> caller.heard().contains("sound:tt-monkeys"));
        assertEquals(1, engine.pbx.commands("snoop").size());
        engine.waitUntil("the fork's media channel gone", () -> engine.pbx.mediaLinks().stream().allMatch(MemoryMediaLink::closed));
        caller.finishPlayback();
        engine.finished(caller);
        engine.assertClean();
    }

    private MemoryStreamSocket socket() {
        engine.waitUntil("the app's socket", () -> !engine.streams.sockets().isEmpty());
        return engine.streams.sockets().get(0);
    }

    private MemoryMediaLink link() {
        engine.waitUntil("an external media link", () -> !engine.pbx.mediaLinks().isEmpty());
        return engine.pbx.mediaLinks().get(0);
    }

    private static String streamSid(MemoryStreamSocket app) {
        return app.received().get(1).getString("streamSid");
    }

    private List<Notification> notifications() {
        return CallEngine.await(engine.store.of(Notification.KIND).list(engine.account.sid(), n -> true, 0, 50)).items();
    }
}
