package org.patchbay.core.call.stream;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchbay.core.telephony.MediaLink;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The relay between the PBX's media link and the app's socket, with in-memory ends and a hand-moved clock. */
class StreamRelayTest {
    private final FakeLink link = new FakeLink();
    private final FakeStreamSocket app = new FakeStreamSocket();
    private final List<String> problems = new ArrayList<>();
    private long nowNanos = 1_000_000_000L;
    private StreamRelay relay;
    private Future<StreamEnd> ended;

    @BeforeEach
    void start() {
        relay = new StreamRelay(link, app, "MZ1", "AC1", "CA1", (code, message) -> problems.add(code + " " + message),
                () -> nowNanos);
        ended = relay.start(Map.of("k", "v"));
    }

    @Test
    void connectedThenStartThenMediaWithCountersAsStrings() {
        assertEquals("connected", app.json(0).getString("event"));
        assertEquals("1", app.json(1).getString("sequenceNumber"));
        nowNanos += 45_000_000;
        link.listener.audio(Buffer.buffer(new byte[]{1, 2, 3}));
        link.listener.audio(Buffer.buffer(new byte[]{4}));
        JsonObject second = app.json(3);
        assertEquals("3", second.getString("sequenceNumber"));
        assertEquals("2", second.getJsonObject("media").getString("chunk"));
        assertEquals("45", second.getJsonObject("media").getString("timestamp"));
        assertEquals("BA==", second.getJsonObject("media").getString("payload"));
        relay.dtmf('9');
        assertEquals("9", app.json(4).getJsonObject("dtmf").getString("digit"));
    }

    @Test
    void marksGoToThePbxBehindTheirAudioAndComeBackWithTheAppsName() {
        app.fromApp(media(new byte[]{7, 7}));
        app.fromApp("{\"event\":\"mark\",\"mark\":{\"name\":\"said hello\"}}");
        assertEquals(List.of("audio:2", "mark:m1"), link.sent);
        assertEquals(2, app.sent.size(), "nothing echoed before the audio has played");
        link.listener.markPlayed("m1");
        assertEquals("said hello", app.json(2).getJsonObject("mark").getString("name"));
    }

    @Test
    void clearFlushesThePbxAndAnswersPendingMarksAtOnce() {
        app.fromApp(media(new byte[]{1}));
        app.fromApp("{\"event\":\"mark\",\"mark\":{\"name\":\"a\"}}");
        app.fromApp("{\"event\":\"mark\",\"mark\":{\"name\":\"b\"}}");
        app.fromApp("{\"event\":\"clear\",\"streamSid\":\"MZ1\"}");
        assertEquals("flush", link.sent.get(link.sent.size() - 1));
        assertEquals(List.of("a", "b"), app.marks());
        link.listener.markPlayed("m1");
        assertEquals(List.of("a", "b"), app.marks(), "a flushed mark is not answered twice");
    }

    @Test
    void whileThePbxQueueIsFullAudioAndMarksWaitInOrder() {
        link.listener.queueFull(true);
        app.fromApp(media(new byte[]{1, 1}));
        app.fromApp("{\"event\":\"mark\",\"mark\":{\"name\":\"x\"}}");
        app.fromApp(media(new byte[]{2}));
        assertEquals(List.of(), link.sent);
        link.listener.queueFull(false);
        assertEquals(List.of("audio:2", "mark:m1", "audio:1"), link.sent);
    }

    @Test
    void anAppThatStopsReadingIsDisconnectedWithA31925() {
        app.full = true;
        link.listener.audio(Buffer.buffer(new byte[160]));
        nowNanos += (StreamRelay.STALL_MILLIS - 100) * 1_000_000;
        link.listener.audio(Buffer.buffer(new byte[160]));
        assertFalse(ended.isComplete());
        nowNanos += 200_000_000;
        link.listener.audio(Buffer.buffer(new byte[160]));
        assertEquals(StreamEnd.APP_STALLED, ended.result());
        assertTrue(app.closed);
        assertTrue(problems.get(0).startsWith("31925 "), problems.toString());
        assertEquals(2, app.sent.size(), "no frame was queued for the stalled app");
    }

    @Test
    void aDrainedSocketIsNoLongerStalled() {
        app.full = true;
        link.listener.audio(Buffer.buffer(new byte[160]));
        app.full = false;
        app.drain.handle(null);
        nowNanos += 10_000_000_000L;
        app.full = true;
        link.listener.audio(Buffer.buffer(new byte[160]));
        assertFalse(ended.isComplete());
    }

    @Test
    void badMessagesAreReportedOnceAndIgnored() {
        app.fromApp("not json");
        app.fromApp("{\"event\":\"media\",\"media\":{\"payload\":\"%%%\"}}");
        app.fromApp("{\"event\":\"unknown-thing\"}");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("31924 "));
        assertFalse(ended.isComplete());
    }

    @Test
    void theCallEndingSendsStopAndCloses() {
        relay.callEnded();
        JsonObject stop = app.json(2);
        assertEquals("stop", stop.getString("event"));
        assertEquals(new JsonObject().put("accountSid", "AC1").put("callSid", "CA1"), stop.getJsonObject("stop"));
        assertTrue(app.closed);
        assertEquals(StreamEnd.CALL_ENDED, ended.result());
    }

    @Test
    void theAppClosingEndsTheStreamWithoutStop() {
        app.close.handle(null);
        assertEquals(StreamEnd.APP_CLOSED, ended.result());
        relay.callEnded();
        assertEquals(2, app.sent.size());
    }

    private static String media(byte[] ulaw) {
        return new JsonObject().put("event", "media").put("media",
                new JsonObject().put("payload", Base64.getEncoder().encodeToString(ulaw))).encode();
    }

    private static final class FakeLink implements MediaLink {
        final List<String> sent = new ArrayList<>();
        Listener listener;

        @Override
        public String channelId() {
            return "media-1";
        }

        @Override
        public void send(Buffer ulaw) {
            sent.add("audio:" + ulaw.length());
        }

        @Override
        public void mark(String id) {
            sent.add("mark:" + id);
        }

        @Override
        public void flush() {
            sent.add("flush");
        }

        @Override
        public void listen(Listener newListener) {
            listener = newListener;
        }

        @Override
        public void close() {
            sent.add("close");
        }
    }
}
