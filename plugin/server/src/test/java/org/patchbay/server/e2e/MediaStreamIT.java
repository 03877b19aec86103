package org.patchbay.server.e2e;

import com.twilio.security.RequestValidator;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.asterisk.sim.media.Ulaw;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.notification.Notification;
import org.patchbay.testkit.RecordedRequest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code <Connect><Stream>} end to end over the simulated Asterisk's external media: Twilio's message sequence
 * and fields (as in Twilio's documented examples), audio both ways byte for byte, marks, clear, DTMF, the app
 * closing (the document goes on) and the caller hanging up (stop, and nothing left on the PBX).
 */
class MediaStreamIT {
    @TempDir
    Path dataDir;
    Harness h;
    StreamApp bot;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        bot = StreamApp.start(h.vertx);
        h.number("7100", "/app/voice", null, null);
        h.app.respond("/app/voice", "<Response><Connect action=\"/app/after\"><Stream url=\"" + bot.url("/bot?lang=en")
                + "\"><Parameter name=\"FirstName\" value=\"Jane\"/><Parameter name=\"Plan\" value=\"gold &amp; more\"/>"
                + "</Stream></Connect></Response>");
        h.app.respond("/app/after", "<Response><Play>sound:beep</Play></Response>");
    }

    @AfterEach
    void stop() {
        bot.close();
        h.close();
    }

    @Test
    void theAppGetsTwiliosMessagesAndAudioFlowsBothWays() {
        InboundCall call = h.call("+15550007101", "7100");
        JsonObject start = bot.await(h, "start");
        CallRecord record = h.recordOf(call.channelId(), r -> true);
        assertEquals(new JsonObject().put("event", "connected").put("protocol", "Call").put("version", "1.0.0"),
                bot.received().get(0));
        String streamSid = start.getString("streamSid");
        assertTrue(streamSid.matches("MZ[0-9a-f]{32}"), streamSid);
        assertEquals("1", start.getString("sequenceNumber"));
        JsonObject meta = start.getJsonObject("start");
        assertEquals(streamSid, meta.getString("streamSid"));
        assertEquals(record.sid(), meta.getString("callSid"));
        assertEquals(h.patchbay.mainAccount().sid(), meta.getString("accountSid"));
        assertEquals(List.of("inbound"), meta.getJsonArray("tracks").getList());
        assertEquals(new JsonObject().put("FirstName", "Jane").put("Plan", "gold & more"), meta.getJsonObject("customParameters"));
        assertEquals(new JsonObject().put("encoding", "audio/x-mulaw").put("sampleRate", 8000).put("channels", 1),
                meta.getJsonObject("mediaFormat"));
        assertTrue(new RequestValidator(h.patchbay.mainAccount().authToken())
                .validate(bot.url("/bot?lang=en"), Map.of(), bot.header("X-Twilio-Signature")), "signed as Twilio signs");

        byte[] tone = Ulaw.tone(440, 400);
        Harness.await(h.asterisk.sendAudio(call.callerChannelId(), tone));
        bot.awaitCount(h, "the caller's tone at the app", all -> bot.inboundAudio().length >= tone.length);
        assertArrayEquals(tone, Arrays.copyOf(bot.inboundAudio(), tone.length));
        List<JsonObject> media = bot.events("media");
        for (int i = 0; i < media.size(); i++) {
            JsonObject body = media.get(i).getJsonObject("media");
            assertEquals("inbound", body.getString("track"));
            assertEquals(Integer.toString(i + 1), body.getString("chunk"));
            assertEquals(streamSid, media.get(i).getString("streamSid"));
            if (i > 0) {
                assertTrue(Long.parseLong(body.getString("timestamp"))
                        >= Long.parseLong(media.get(i - 1).getJsonObject("media").getString("timestamp")));
            }
        }
        Harness.await(h.asterisk.pressDigits(call.callerChannelId(), "7"));
        JsonObject dtmf = bot.await(h, "dtmf");
        assertEquals(new JsonObject().put("track", "inbound_track").put("digit", "7"), dtmf.getJsonObject("dtmf"));

        byte[] reply = Ulaw.tone(1000, 300);
        bot.sendMedia(streamSid, reply);
        bot.sendMark(streamSid, "reply done");
        JsonObject mark = bot.await(h, "mark");
        assertEquals("reply done", mark.getJsonObject("mark").getString("name"));
        assertArrayEquals(reply, Harness.await(h.asterisk.receivedAudio(call.callerChannelId())).ulaw(),
                "the mark comes back once all the audio before it has reached the caller, in order");

        bot.sendMedia(streamSid, Ulaw.tone(500, 5000));
        bot.sendMark(streamSid, "never played");
        bot.sendClear(streamSid);
        bot.awaitCount(h, "the cleared mark echoed", all -> bot.events("mark").size() == 2);
        int heardBefore = Harness.await(h.asterisk.receivedAudio(call.callerChannelId())).frames();
        Harness.sleep(java.time.Duration.ofMillis(300));
        int heardAfter = Harness.await(h.asterisk.receivedAudio(call.callerChannelId())).frames();
        assertTrue(heardAfter - heardBefore <= 2, "clear dropped the queued audio: " + (heardAfter - heardBefore));
        assertTrue(heardAfter < 15 + 50, "most of the 5 s never played: " + heardAfter);

        bot.closeSocket();
        Harness.await(h.app.awaitRequest("/app/after"));
        h.finished(call.channelId());
        assertEquals(List.of("playback sound:beep done"), h.heardMedia(call.channelId()));
        assertTrue(bot.events("stop").isEmpty(), "no stop after the app itself closed");
        h.assertNothingLeaked();
    }

    @Test
    void theCallerHangingUpSendsStopAndLeavesNothingBehind() {
        InboundCall call = h.call("+15550007102", "7100");
        JsonObject start = bot.await(h, "start");
        Harness.await(h.asterisk.hangUp(call.callerChannelId()));
        JsonObject stop = bot.await(h, "stop");
        assertEquals(start.getString("streamSid"), stop.getString("streamSid"));
        assertEquals(start.getJsonObject("start").getString("callSid"), stop.getJsonObject("stop").getString("callSid"));
        assertEquals(start.getJsonObject("start").getString("accountSid"), stop.getJsonObject("stop").getString("accountSid"));
        h.waitUntil("the app's socket closed", bot::closed);
        h.finished(call.channelId());
        h.assertNothingLeaked();
    }

    @Test
    void anUnreachableAppIsNotifiedAndTheCallGoesOn() {
        h.app.respond("/app/voice", "<Response><Connect><Stream url=\"ws://127.0.0.1:1/nobody\"/></Connect>"
                + "<Play>sound:beep</Play></Response>");
        InboundCall call = h.call("+15550007103", "7100");
        CallRecord done = h.finished(call.channelId());
        assertEquals(List.of("playback sound:beep done"), h.heardMedia(call.channelId()));
        List<Notification> notifications = Harness.await(h.patchbay.store().of(Notification.KIND)
                .list(h.patchbay.mainAccount().sid(), n -> done.sid().equals(n.callSid()), 0, 10)).items();
        assertEquals(31920, notifications.get(0).errorCode(), notifications.toString());
        assertFalse(bot.connected());
        h.assertNothingLeaked();
    }

    @Test
    void theCallerHangingUpWhileTheAppIsBeingConnectedLeavesNothingBehind() {
        bot.holdUpgrades();
        InboundCall call = h.call("+15550007105", "7100");
        h.waitUntil("the app's upgrade request", () -> bot.upgradesAsked() == 1);
        Harness.await(h.asterisk.hangUp(call.callerChannelId()));
        h.finished(call.channelId());
        bot.releaseUpgrade();
        h.waitUntil("the late socket closed by Patchbay", bot::closed);
        assertTrue(bot.events("start").isEmpty(), "no stream starts for a call that has ended");
        h.assertNothingLeaked();
    }

    @Test
    void theAppHangingUpMidStreamGoesToTheActionAndARefusedUpgradeIsA31920() {
        InboundCall call = h.call("+15550007106", "7100");
        bot.await(h, "start");
        bot.closeSocket();
        Harness.await(h.app.awaitRequest("/app/after"));
        h.finished(call.channelId());
        h.assertNothingLeaked();

        bot.refuseUpgradesWith(403);
        InboundCall refused = h.call("+15550007107", "7100");
        CallRecord done = h.finished(refused.channelId());
        List<Notification> notifications = Harness.await(h.patchbay.store().of(Notification.KIND)
                .list(h.patchbay.mainAccount().sid(), n -> done.sid().equals(n.callSid()), 0, 10)).items();
        assertTrue(notifications.get(0).messageText().contains("HTTP 403"), notifications.get(0).messageText());
        assertEquals(2, h.app.requests("/app/after").size(), "the action URL follows a failed stream too");
        h.assertNothingLeaked();
    }

    @Test
    void aRedirectStopsTheStreamAndRunsTheNewDocument() {
        h.app.respond("/app/elsewhere", "<Response><Play>sound:beep</Play></Response>");
        InboundCall call = h.call("+15550007108", "7100");
        JsonObject start = bot.await(h, "start");
        Harness.await(h.patchbay.liveCalls().redirect(h.patchbay.mainAccount().sid(),
                start.getJsonObject("start").getString("callSid"), h.app.url("/app/elsewhere"), "POST"));
        bot.await(h, "stop");
        h.waitUntil("the app's socket closed", bot::closed);
        h.finished(call.channelId());
        assertEquals(List.of("playback sound:beep done"), h.heardMedia(call.channelId()));
        assertTrue(h.app.requests("/app/after").isEmpty(), "a redirect is not the end of the stream's own <Connect>");
        h.assertNothingLeaked();
    }

    @Test
    void aConnectStreamCallsBackItsStatusAsTwilioDoes() {
        h.app.respond("/app/voice", "<Response><Connect><Stream name=\"bot\" url=\"" + bot.url("/bot")
                + "\" statusCallback=\"/app/stream-status\"/></Connect><Play>sound:beep</Play></Response>");
        InboundCall call = h.call("+15550007109", "7100");
        String streamSid = bot.await(h, "start").getString("streamSid");
        bot.closeSocket();
        CallRecord done = h.finished(call.channelId());
        List<RecordedRequest> callbacks = Harness.await(h.app.awaitRequests("/app/stream-status", 2, Duration.ofSeconds(10)));
        assertEquals(List.of("stream-started", "stream-stopped"), callbacks.stream().map(c -> c.param("StreamEvent")).toList());
        assertEquals(List.of(streamSid, streamSid), callbacks.stream().map(c -> c.param("StreamSid")).toList());
        assertEquals("bot", callbacks.get(1).param("StreamName"));
        assertEquals(done.sid(), callbacks.get(1).param("CallSid"));

        bot.refuseUpgradesWith(503);
        InboundCall refused = h.call("+15550007110", "7100");
        h.finished(refused.channelId());
        List<RecordedRequest> all = Harness.await(h.app.awaitRequests("/app/stream-status", 3, Duration.ofSeconds(10)));
        assertEquals("stream-error", all.get(2).param("StreamEvent"));
        assertTrue(all.get(2).param("StreamError").contains("HTTP 503"), all.get(2).param("StreamError"));
        h.assertNothingLeaked();
    }

    @Test
    void aStreamWithoutAWebSocketUrlIsASchemaError() {
        h.number("7104", "/app/bad", "/app/fallback", null);
        h.app.respond("/app/bad", "<Response><Connect><Stream url=\"https://example.com/x\"/></Connect></Response>");
        h.app.respond("/app/fallback", "<Response><Play>sound:beep</Play></Response>");
        InboundCall call = h.call("+15550007104", "7104");
        assertEquals("12200", Harness.await(h.app.awaitRequest("/app/fallback")).param("ErrorCode"));
        h.finished(call.channelId());
        h.assertNothingLeaked();
    }
}
