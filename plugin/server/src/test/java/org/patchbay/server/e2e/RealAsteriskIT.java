package org.patchbay.server.e2e;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.media.Ulaw;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.testkit.RecordedRequest;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The call path against a real Asterisk, run when {@code ARI_URL} (with {@code ARI_USER}, {@code ARI_PASSWORD})
 * names one; skipped otherwise. The PBX needs the dialplan of {@code dialplan/extensions.conf}:
 * {@code ARI_INBOUND_CONTEXT} (default {@code patchbay-inbound}) sending calls to {@code Stasis(patchbay,${EXTEN})},
 * {@code ARI_CALLEE_CONTEXT} (default {@code patchbay-test-callee}) answering and waiting, and an ARI user allowed
 * to use the apps {@code patchbay} and {@code patchbay-tester}. {@code ARI_PUBLIC_URL} is the base URL at which the
 * PBX reaches this test's Patchbay (for speech media), default http://127.0.0.1:port. {@code ARI_SIPP_TARGET} (with
 * {@code ARI_SIPP}, {@code ARI_SIPP_PORT}) adds a real SIP call from SIPp through the endpoint {@code patchbay-test-sipp}.
 * The media stream tests need chan_websocket and res_stasis_snoop, and the prompts {@code tt-monkeys} and
 * {@code hello-world}; the stream apps listen on 127.0.0.1, where the test's Patchbay reaches them (Patchbay opens
 * the media sockets at ARI_URL's host and port).
 */
class RealAsteriskIT {
    /** A µ-law frame whose loudest sample is above this is sound, not silence or comfort noise. */
    private static final int AUDIBLE = 500;

    @TempDir
    Path dataDir;
    private RealPbx pbx;

    @BeforeEach
    void start() {
        assumeTrue(RealPbx.configured(), "ARI_URL not set: no real Asterisk to test against");
        pbx = new RealPbx(dataDir);
    }

    @AfterEach
    void stop() {
        if (pbx != null) {
            pbx.close();
        }
    }

    @Test
    void anInboundCallIsAnsweredAndCompletes() {
        pbx.number("7101", "/voice");
        pbx.app.respond("/voice", "<Response><Play>sound:beep</Play><Hangup/></Response>");
        pbx.caller.call("+15551230001", "7101", RealPbx.inboundContext());
        CallRecord done = pbx.finalRecordTo("7101");
        assertEquals(CallStatus.COMPLETED, done.status());
        assertNotNull(done.startTime());
    }

    @Test
    void aDevicesStateIsReadByItsNameSlashIncluded() {
        // The sample's SIPp endpoint is not registered: Asterisk has its device UNAVAILABLE; a name it lacks is INVALID.
        assertEquals("UNAVAILABLE", Harness.await(pbx.patchbay.telephony().deviceState("PJSIP/patchbay-test-sipp")));
        assertEquals("INVALID", Harness.await(pbx.patchbay.telephony().deviceState("PJSIP/nobody-here")));
    }

    @Test
    void gatherTakesTheCallersDigits() {
        pbx.number("7102", "/voice");
        pbx.app.respond("/voice", "<Response><Gather numDigits=\"2\" action=\"/digits\" timeout=\"10\"><Play>sound:beep</Play></Gather></Response>");
        pbx.app.respond("/digits", "<Response><Hangup/></Response>");
        String callerChannel = pbx.caller.call("+15551230002", "7102", RealPbx.inboundContext());
        Harness.await(pbx.app.awaitRequest("/voice"));
        Harness.sleep(java.time.Duration.ofSeconds(2));
        pbx.caller.press(callerChannel, "42");
        RecordedRequest digits = Harness.await(pbx.app.awaitRequest("/digits"));
        assertEquals("42", digits.param("Digits"));
        assertEquals(CallStatus.COMPLETED, pbx.finalRecordTo("7102").status());
    }

    /**
     * A real SIP call (run when {@code ARI_SIPP_TARGET}, e.g. 127.0.0.1:5060, names the PBX's SIP address): SIPp
     * calls from 127.0.0.1:{@code ARI_SIPP_PORT} (default 5061), hears the app and hangs up itself. Unlike the
     * Local calls above it is a PJSIP channel, whose every event also reaches Patchbay through its
     * {@code endpoint:PJSIP} subscription (presence).
     */
    @Test
    void aSipPhoneCallsInAndHangsUp() {
        String target = System.getenv("ARI_SIPP_TARGET");
        assumeTrue(target != null && !target.isBlank(), "ARI_SIPP_TARGET not set: no SIPp call");
        pbx.number("7104", "/voice");
        pbx.app.respond("/voice", "<Response><Play>sound:beep</Play><Pause length=\"20\"/></Response>");
        SippCaller phone = new SippCaller(System.getenv().getOrDefault("ARI_SIPP", "sipp"), target,
                Integer.parseInt(System.getenv().getOrDefault("ARI_SIPP_PORT", "5061")));
        assertEquals(0, phone.call("7104", 2_000, dataDir));
        CallRecord done = pbx.finalRecordTo("7104");
        assertEquals(CallStatus.COMPLETED, done.status());
        assertNotNull(done.startTime());
    }

    @Test
    void dialBridgesALocalCallee() {
        pbx.number("7103", "/voice");
        pbx.app.respond("/voice", "<Response><Dial timeLimit=\"3\" action=\"/dialed\"><Number>7199</Number></Dial></Response>");
        pbx.app.respond("/dialed", "<Response><Hangup/></Response>");
        pbx.caller.call("+15551230003", "7103", RealPbx.inboundContext());
        RecordedRequest dialed = Harness.await(pbx.app.awaitRequest("/dialed"));
        assertEquals("completed", dialed.param("DialCallStatus"));
        assertEquals("true", dialed.param("DialBridged"));
        assertEquals(CallStatus.COMPLETED, pbx.finalRecordTo("7103").status());
    }

    /**
     * {@code <Connect><Stream>} on chan_websocket: the app gets Twilio's messages and the caller's speech as 20 ms
     * µ-law frames, a mark it sends after its own audio comes back once Asterisk has played that audio, and the
     * caller's hang-up ends it with {@code stop} and leaves no channel or bridge on the PBX.
     */
    @Test
    void connectStreamCarriesTheCallersSpeechAndEndsWithTheCall() {
        try (StreamApp bot = StreamApp.start(pbx.vertx)) {
            pbx.number("7105", "/voice");
            pbx.app.respond("/voice", "<Response><Connect><Stream url=\"" + bot.url("/bot") + "\"/></Connect></Response>");
            String callerChannel = pbx.caller.call("+15551230005", "7105", RealPbx.inboundContext());
            JsonObject start = bot.await("start");
            assertEquals("connected", bot.received().get(0).getString("event"));
            assertEquals(List.of("inbound"), start.getJsonObject("start").getJsonArray("tracks").getList());
            pbx.caller.play(callerChannel, "sound:tt-monkeys");
            bot.awaitCount("a second of the caller's speech", all -> audibleFrames(bot, "inbound") >= 50);
            bot.events("media").forEach(media -> assertEquals(160, payload(media).length, "20 ms of µ-law"));

            String streamSid = start.getString("streamSid");
            bot.sendMedia(streamSid, Ulaw.tone(1000, 400));
            bot.sendMark(streamSid, "after-tone");
            assertEquals("after-tone", bot.await("mark").getJsonObject("mark").getString("name"));

            pbx.caller.hangUp(callerChannel);
            assertEquals(streamSid, bot.await("stop").getString("streamSid"));
            assertEquals(CallStatus.COMPLETED, pbx.finalRecordTo("7105").status());
            pbx.awaitNothingLeft();
        }
    }

    /**
     * {@code <Start><Stream track="both_tracks">} on res_stasis_snoop and chan_websocket: while the call plays a
     * prompt the fork carries the caller's speech on the inbound track and the prompt on the outbound track;
     * {@code <Stop><Stream>} ends it (stop, socket closed, its snoops, media channels and bridges gone) while the
     * call goes on, and the caller's hang-up leaves nothing on the PBX.
     */
    @Test
    void startStreamForksBothTracksUntilStopStreamAndLeavesNothing() {
        try (StreamApp fork = StreamApp.start(pbx.vertx)) {
            pbx.number("7106", "/voice");
            pbx.app.respond("/voice", "<Response><Start><Stream name=\"listener\" track=\"both_tracks\" url=\""
                    + fork.url("/fork") + "\"/></Start><Play loop=\"4\">sound:hello-world</Play>"
                    + "<Stop><Stream name=\"listener\"/></Stop><Pause length=\"30\"/></Response>");
            String callerChannel = pbx.caller.call("+15551230006", "7106", RealPbx.inboundContext());
            JsonObject start = fork.await("start");
            assertEquals("connected", fork.received().get(0).getString("event"));
            assertEquals(List.of("inbound", "outbound"), start.getJsonObject("start").getJsonArray("tracks").getList());
            pbx.caller.play(callerChannel, "sound:tt-monkeys");
            fork.awaitCount("the caller's speech on the inbound track", all -> audibleFrames(fork, "inbound") >= 25);
            fork.awaitCount("the prompt on the outbound track", all -> audibleFrames(fork, "outbound") >= 25);

            assertEquals(start.getString("streamSid"), fork.await("stop").getString("streamSid"));
            Harness.waitFor("the fork's socket closed", fork::closed);
            Harness.waitFor("the fork's channels and bridges gone while the call goes on", () -> {
                List<String> ids = pbx.caller.channelAndBridgeIds();
                return ids.stream().noneMatch(id -> id.contains(start.getString("streamSid")))
                        && ids.stream().anyMatch(id -> id.startsWith("/channels/"));
            });
            assertFalse(pbx.patchbay.calls().liveSessions().isEmpty(), "the call outlives its fork");

            pbx.caller.hangUp(callerChannel);
            assertEquals(CallStatus.COMPLETED, pbx.finalRecordTo("7106").status());
            pbx.awaitNothingLeft();
        }
    }

    /**
     * {@code POST /Calls/{Sid}/Streams} on a call the real Asterisk carries: the fork of the outbound track carries the
     * prompt the call plays, {@code Status=stopped} by name ends it (its channels and bridges gone), the call goes on.
     */
    @Test
    void theStreamsResourceForksALiveCallAndStopsItByName() {
        try (StreamApp fork = StreamApp.start(pbx.vertx)) {
            pbx.number("7107", "/voice");
            pbx.app.respond("/voice", "<Response><Play loop=\"0\">sound:hello-world</Play></Response>");
            String callerChannel = pbx.caller.call("+15551230007", "7107", RealPbx.inboundContext());
            String callSid = pbx.recordTo("7107", r -> r.status() == CallStatus.IN_PROGRESS).sid();
            HttpResponse<String> created = pbx.postToCall(callSid, "/Streams.json",
                    Map.of("Url", fork.url("/rest"), "Name", "rest-fork", "Track", "outbound_track"));
            assertEquals(200, created.statusCode(), created.body());
            String streamSid = new JsonObject(created.body()).getString("sid");
            JsonObject start = fork.await("start");
            assertEquals(streamSid, start.getString("streamSid"));
            assertEquals(List.of("outbound"), start.getJsonObject("start").getJsonArray("tracks").getList());
            fork.awaitCount("the prompt on the outbound track", all -> audibleFrames(fork, "outbound") >= 25);

            HttpResponse<String> stopped = pbx.postToCall(callSid, "/Streams/rest-fork.json", Map.of("Status", "stopped"));
            assertEquals("stopped", new JsonObject(stopped.body()).getString("status"), stopped.body());
            fork.await("stop");
            Harness.waitFor("the fork's socket closed", fork::closed);
            Harness.waitFor("the fork's channels and bridges gone",
                    () -> pbx.caller.channelAndBridgeIds().stream().noneMatch(id -> id.contains(streamSid)));
            assertFalse(pbx.patchbay.calls().liveSessions().isEmpty(), "the call outlives its fork");

            pbx.caller.hangUp(callerChannel);
            assertEquals(CallStatus.COMPLETED, pbx.finalRecordTo("7107").status());
            pbx.awaitNothingLeft();
        }
    }

    private static long audibleFrames(StreamApp app, String track) {
        return app.events("media").stream().filter(media -> track.equals(media.getJsonObject("media").getString("track")))
                .filter(media -> loudest(payload(media)) > AUDIBLE).count();
    }

    private static byte[] payload(JsonObject media) {
        return Base64.getDecoder().decode(media.getJsonObject("media").getString("payload"));
    }

    private static int loudest(byte[] ulaw) {
        int loudest = 0;
        for (byte sample : ulaw) {
            loudest = Math.max(loudest, Math.abs(Ulaw.decode(sample)));
        }
        return loudest;
    }
}
