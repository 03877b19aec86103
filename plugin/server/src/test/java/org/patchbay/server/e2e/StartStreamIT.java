package org.patchbay.server.e2e;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.asterisk.sim.SimState;
import org.patchbay.asterisk.sim.media.Ulaw;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.notification.Notification;
import org.patchbay.testkit.RecordedRequest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code <Start><Stream>} and {@code <Stop><Stream>} end to end over the simulated Asterisk: the fork (a snoop channel
 * per track bridged with an external media channel) runs while the document goes on, sends Twilio's messages with
 * the right tracks, ignores the app's audio, stops by name or with the call, calls back its status, and leaves
 * nothing on the PBX.
 */
class StartStreamIT {
    @TempDir
    Path dataDir;
    Harness h;
    StreamApp fork;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        fork = StreamApp.start(h.vertx);
        h.number("7200", "/app/voice", null, null);
    }

    @AfterEach
    void stop() {
        fork.close();
        h.close();
    }

    @Test
    void theForkRunsWhileSayPlaysAndTheCallerHangingUpStopsIt() {
        h.app.respond("/app/voice", "<Response><Start><Stream name=\"listener\" url=\"" + fork.url("/fork")
                + "\" statusCallback=\"/app/stream-status\"><Parameter name=\"Who\" value=\"Jane\"/></Stream></Start>"
                + "<Say loop=\"0\">Please hold while we listen</Say></Response>");
        InboundCall call = h.call("+15550007201", "7200");
        JsonObject start = fork.await(h, "start");
        CallRecord record = h.recordOf(call.channelId(), r -> true);
        assertEquals("connected", fork.received().get(0).getString("event"));
        JsonObject meta = start.getJsonObject("start");
        String streamSid = start.getString("streamSid");
        assertTrue(streamSid.matches("MZ[0-9a-f]{32}"), streamSid);
        assertEquals(List.of("inbound"), meta.getJsonArray("tracks").getList());
        assertEquals(record.sid(), meta.getString("callSid"));
        assertEquals(new JsonObject().put("Who", "Jane"), meta.getJsonObject("customParameters"));
        h.waitUntil("the <Say> after <Start> playing", () -> !Harness.await(h.asterisk.state()).playbacks().isEmpty());

        byte[] tone = Ulaw.tone(440, 400);
        Harness.await(h.asterisk.sendAudio(call.callerChannelId(), tone));
        fork.awaitCount(h, "the caller's tone at the fork", all -> fork.inboundAudio().length >= tone.length);
        assertArrayEquals(tone, Arrays.copyOf(fork.inboundAudio(), tone.length));
        fork.events("media").forEach(m -> assertEquals("inbound", m.getJsonObject("media").getString("track")));

        fork.sendMedia(streamSid, Ulaw.tone(1000, 300));
        Harness.sleep(Duration.ofMillis(400));
        assertEquals(0, Harness.await(h.asterisk.receivedAudio(call.callerChannelId())).frames(),
                "audio from the app on a one-way fork is ignored");

        Harness.await(h.asterisk.hangUp(call.callerChannelId()));
        JsonObject stop = fork.await(h, "stop");
        assertEquals(streamSid, stop.getString("streamSid"));
        assertEquals(record.sid(), stop.getJsonObject("stop").getString("callSid"));
        h.waitUntil("the fork's socket closed", fork::closed);
        h.finished(call.channelId());

        List<RecordedRequest> callbacks = Harness.await(h.app.awaitRequests("/app/stream-status", 2, Duration.ofSeconds(10)));
        assertEquals(List.of("stream-started", "stream-stopped"), callbacks.stream().map(c -> c.param("StreamEvent")).toList());
        for (RecordedRequest callback : callbacks) {
            assertEquals("POST", callback.method());
            assertEquals(h.patchbay.mainAccount().sid(), callback.param("AccountSid"));
            assertEquals(record.sid(), callback.param("CallSid"));
            assertEquals(streamSid, callback.param("StreamSid"));
            assertEquals("listener", callback.param("StreamName"));
            assertTrue(callback.param("Timestamp").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"),
                    callback.param("Timestamp"));
            assertEquals(null, callback.param("StreamError"));
            assertEquals(null, callback.param("From"), "a stream callback carries the stream's parameters only");
        }
        h.assertNothingLeaked();
    }

    @Test
    void eachTrackCarriesWhatItShould() {
        StreamApp both = StreamApp.start(h.vertx);
        StreamApp bot = StreamApp.start(h.vertx);
        try {
            h.app.respond("/app/voice", "<Response>"
                    + "<Start><Stream url=\"" + fork.url("/out") + "\" track=\"outbound_track\"/></Start>"
                    + "<Start><Stream url=\"" + both.url("/both") + "\" track=\"both_tracks\"/></Start>"
                    + "<Connect><Stream url=\"" + bot.url("/bot") + "\"/></Connect></Response>");
            InboundCall call = h.call("+15550007202", "7200");
            JsonObject botStart = bot.await(h, "start");
            assertEquals(List.of("outbound"), fork.await(h, "start").getJsonObject("start").getJsonArray("tracks").getList());
            assertEquals(List.of("inbound", "outbound"),
                    both.await(h, "start").getJsonObject("start").getJsonArray("tracks").getList());

            byte[] said = Ulaw.tone(440, 200);
            Harness.await(h.asterisk.sendAudio(call.callerChannelId(), said));
            both.awaitCount(h, "the caller's audio on the inbound track", all -> track(both, "inbound").length >= said.length);
            assertArrayEquals(said, Arrays.copyOf(track(both, "inbound"), said.length));

            byte[] heard = Ulaw.tone(1000, 200);
            bot.sendMedia(botStart.getString("streamSid"), heard);
            both.awaitCount(h, "the bot's audio on the outbound track", all -> track(both, "outbound").length >= heard.length);
            fork.awaitCount(h, "the bot's audio on the outbound-only fork", all -> track(fork, "outbound").length >= heard.length);
            assertArrayEquals(heard, Arrays.copyOf(track(both, "outbound"), heard.length));
            assertArrayEquals(heard, Arrays.copyOf(track(fork, "outbound"), heard.length));
            assertEquals(0, track(fork, "inbound").length, "an outbound_track fork carries nothing the caller said");
            List<String> chunks = fork.events("media").stream().map(m -> m.getJsonObject("media").getString("chunk")).toList();
            assertEquals("1", chunks.get(0));

            bot.closeSocket();
            both.await(h, "stop");
            fork.await(h, "stop");
            h.finished(call.channelId());
            h.assertNothingLeaked();
        } finally {
            both.close();
            bot.close();
        }
    }

    @Test
    void stopByNameEndsThatForkOnlyAndStopWithoutANameEndsTheRest() {
        StreamApp other = StreamApp.start(h.vertx);
        try {
            h.app.respond("/app/voice", "<Response>"
                    + "<Start><Stream name=\"first\" url=\"" + fork.url("/first") + "\"/></Start>"
                    + "<Start><Stream name=\"second\" url=\"" + other.url("/second") + "\"/></Start>"
                    + "<Pause length=\"1\"/><Stop><Stream name=\"first\"/></Stop>"
                    + "<Pause length=\"1\"/><Redirect>/app/later</Redirect></Response>");
            h.app.respond("/app/later", "<Response><Stop><Stream/></Stop><Pause length=\"600\"/></Response>");
            InboundCall call = h.call("+15550007203", "7200");
            fork.await(h, "start");
            other.await(h, "start");
            fork.await(h, "stop");
            h.waitUntil("the first fork's socket closed", fork::closed);
            assertTrue(other.events("stop").isEmpty(), "the second fork runs on past <Stop> of the first");
            Harness.await(h.app.awaitRequest("/app/later"));
            other.await(h, "stop");
            h.waitUntil("the second fork's socket closed", other::closed);
            h.waitUntil("no fork's channels left while the call goes on", () -> {
                SimState state = Harness.await(h.asterisk.state());
                return state.bridges().isEmpty() && state.channels().stream().noneMatch(id -> id.contains("MZ"));
            });
            Harness.await(h.asterisk.hangUp(call.callerChannelId()));
            h.finished(call.channelId());
            h.assertNothingLeaked();
        } finally {
            other.close();
        }
    }

    @Test
    void theCallerHangingUpWhileTheForkIsBeingConnectedLeavesNothingBehind() {
        h.app.respond("/app/voice", "<Response><Start><Stream url=\"" + fork.url("/late") + "\"/></Start>"
                + "<Pause length=\"600\"/></Response>");
        fork.holdUpgrades();
        InboundCall call = h.call("+15550007204", "7200");
        h.waitUntil("the fork's upgrade request", () -> fork.upgradesAsked() == 1);
        Harness.await(h.asterisk.hangUp(call.callerChannelId()));
        h.finished(call.channelId());
        fork.releaseUpgrade();
        h.waitUntil("the late socket closed by Patchbay", fork::closed);
        assertTrue(fork.events("start").isEmpty(), "no stream starts for a call that has ended");
        h.assertNothingLeaked();
    }

    @Test
    void aHangUpAtAnyStepOfTheForksSetUpLeavesNothingBehind() {
        h.app.respond("/app/voice", "<Response><Start><Stream url=\"" + fork.url("/sweep") + "\" track=\"both_tracks\"/>"
                + "</Start><Pause length=\"600\"/></Response>");
        int[] delaysMillis = {0, 1, 3, 6, 10, 20, 40};
        for (int i = 0; i < delaysMillis.length; i++) {
            InboundCall call = h.call("+1555000721" + i, "7200");
            int asked = i + 1;
            h.waitUntil("upgrade " + asked, () -> fork.upgradesAsked() == asked);
            Harness.sleep(Duration.ofMillis(delaysMillis[i]));
            Harness.await(h.asterisk.hangUp(call.callerChannelId()));
            h.finished(call.channelId());
            h.assertNothingLeaked();
        }
    }

    @Test
    void aCallRunsAtMostFourForksAndTheFifthIsAWarning() {
        String oneFork = "<Start><Stream url=\"" + fork.url("/many") + "\"/></Start>";
        h.app.respond("/app/voice", "<Response>" + oneFork.repeat(5) + "<Pause length=\"600\"/></Response>");
        InboundCall call = h.call("+15550007206", "7200");
        CallRecord record = h.recordOf(call.channelId(), r -> true);
        h.waitUntil("four forks started", () -> fork.events("start").size() == 4);
        h.waitUntil("the fifth fork's warning", () -> !Harness.await(h.patchbay.store().of(Notification.KIND)
                .list(h.patchbay.mainAccount().sid(), n -> record.sid().equals(n.callSid()), 0, 10)).items().isEmpty());
        Notification warning = Harness.await(h.patchbay.store().of(Notification.KIND)
                .list(h.patchbay.mainAccount().sid(), n -> record.sid().equals(n.callSid()), 0, 10)).items().get(0);
        assertEquals(12200, warning.errorCode());
        assertTrue(warning.messageText().contains("already runs 4 streams"), warning.messageText());
        assertEquals(4, fork.upgradesAsked());
        Harness.await(h.asterisk.hangUp(call.callerChannelId()));
        h.waitUntil("a stop for each fork", () -> fork.events("stop").size() == 4);
        h.finished(call.channelId());
        h.assertNothingLeaked();
    }

    @Test
    void anUnreachableForkIsAStreamErrorAndTheDocumentGoesOn() {
        h.app.respond("/app/voice", "<Response><Start><Stream name=\"gone\" url=\"ws://127.0.0.1:1/nobody\""
                + " statusCallback=\"/app/stream-status\" statusCallbackMethod=\"GET\"/></Start>"
                + "<Play>sound:beep</Play></Response>");
        InboundCall call = h.call("+15550007205", "7200");
        CallRecord done = h.finished(call.channelId());
        assertEquals(List.of("playback sound:beep done"), h.heardMedia(call.channelId()));
        RecordedRequest callback = Harness.await(h.app.awaitRequest("/app/stream-status"));
        assertEquals("GET", callback.method());
        assertEquals("stream-error", callback.param("StreamEvent"));
        assertEquals("gone", callback.param("StreamName"));
        assertTrue(callback.param("StreamError").contains("could not be opened"), callback.param("StreamError"));
        List<Notification> notifications = Harness.await(h.patchbay.store().of(Notification.KIND)
                .list(h.patchbay.mainAccount().sid(), n -> done.sid().equals(n.callSid()), 0, 10)).items();
        assertEquals(31920, notifications.get(0).errorCode(), notifications.toString());
        assertFalse(fork.connected());
        h.assertNothingLeaked();
    }

    /** The audio of one track the app got, in order, joined. */
    private static byte[] track(StreamApp app, String track) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        app.events("media").stream().map(m -> m.getJsonObject("media"))
                .filter(media -> track.equals(media.getString("track")))
                .forEach(media -> out.writeBytes(java.util.Base64.getDecoder().decode(media.getString("payload"))));
        return out.toByteArray();
    }
}
