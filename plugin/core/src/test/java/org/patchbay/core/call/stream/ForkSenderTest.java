package org.patchbay.core.call.stream;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app's side of a one-way fork, with an in-memory socket and a hand-moved clock. */
class ForkSenderTest {
    private final FakeStreamSocket app = new FakeStreamSocket();
    private final List<String> problems = new ArrayList<>();
    private long nowNanos = 5_000_000_000L;
    private ForkSender sender;

    @BeforeEach
    void start() {
        sender = new ForkSender(app, "MZ1", "AC1", "CA1", (code, message) -> problems.add(code + " " + message),
                () -> nowNanos);
        sender.start(List.of("inbound", "outbound"), Map.of("k", "v"));
    }

    @Test
    void startNamesTheTracksAndEachTrackCountsItsOwnChunks() {
        assertEquals("connected", app.json(0).getString("event"));
        JsonObject start = app.json(1).getJsonObject("start");
        assertEquals(List.of("inbound", "outbound"), start.getJsonArray("tracks").getList());
        assertEquals(new JsonObject().put("k", "v"), start.getJsonObject("customParameters"));
        nowNanos += 20_000_000;
        sender.media("inbound", Buffer.buffer(new byte[]{1}));
        sender.media("outbound", Buffer.buffer(new byte[]{2}));
        sender.media("inbound", Buffer.buffer(new byte[]{3}));
        List<JsonObject> media = List.of(app.json(2), app.json(3), app.json(4));
        assertEquals(List.of("inbound", "outbound", "inbound"),
                media.stream().map(m -> m.getJsonObject("media").getString("track")).toList());
        assertEquals(List.of("1", "1", "2"), media.stream().map(m -> m.getJsonObject("media").getString("chunk")).toList());
        assertEquals(List.of("2", "3", "4"), media.stream().map(m -> m.getString("sequenceNumber")).toList(),
                "start is 1: connected carries no sequence number");
        assertEquals("20", media.get(0).getJsonObject("media").getString("timestamp"));
    }

    @Test
    void whatTheAppSendsIsIgnored() {
        app.fromApp("{\"event\":\"media\",\"media\":{\"payload\":\"AAAA\"}}");
        app.fromApp("not json");
        assertEquals(2, app.sent.size(), "nothing answered: " + app.sent);
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void stopIsSentOnceThenTheSocketCloses() {
        sender.stop(true);
        sender.stop(true);
        assertEquals(List.of("connected", "start", "stop"),
                app.sent.stream().map(JsonObject::new).map(m -> m.getString("event")).toList());
        assertEquals("CA1", app.json(2).getJsonObject("stop").getString("callSid"));
        assertTrue(app.closed);
        sender.media("inbound", Buffer.buffer(new byte[]{1}));
        assertEquals(3, app.sent.size(), "no media after stop");
    }

    @Test
    void theAppClosingEndsTheForkWithoutStop() {
        app.close.handle(null);
        assertEquals(StreamEnd.APP_CLOSED, sender.ended().result());
        sender.stop(true);
        assertFalse(app.sent.stream().anyMatch(m -> m.contains("\"stop\"")), app.sent.toString());
    }

    @Test
    void anAppThatStopsReadingLosesFramesThenIsDisconnectedWithA31925() {
        app.full = true;
        sender.media("inbound", Buffer.buffer(new byte[]{1}));
        nowNanos += (StreamRelay.STALL_MILLIS - 1) * 1_000_000;
        sender.media("inbound", Buffer.buffer(new byte[]{1}));
        assertFalse(sender.ended().isComplete());
        nowNanos += 2_000_000;
        sender.media("inbound", Buffer.buffer(new byte[]{1}));
        assertEquals(StreamEnd.APP_STALLED, sender.ended().result());
        assertTrue(problems.get(0).startsWith("31925 "), problems.toString());
        assertEquals(2, app.sent.size(), "no frame was queued: " + app.sent);
    }
}
