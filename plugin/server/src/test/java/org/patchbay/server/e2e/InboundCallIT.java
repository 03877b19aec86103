package org.patchbay.server.e2e;

import com.twilio.security.RequestValidator;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Say;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.call.Direction;
import org.patchbay.testkit.RecordedRequest;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The walking skeleton end to end: a caller dials a number, the application answers, the call ends. */
class InboundCallIT {
    @TempDir
    Path dataDir;
    Harness h;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void aCallIsAnsweredRunsItsTwimlAndEndsCompletedWithADuration() {
        h.number("1000", "/voice", null, null);
        h.app.respond("/voice", new VoiceResponse.Builder()
                .say(new Say.Builder("Hello from Patchbay").build())
                .hangup(new Hangup.Builder().build()).build().toXml());

        InboundCall call = h.call("+15551234567", "1000");
        CallRecord done = h.finished(call.channelId());

        assertEquals(CallStatus.COMPLETED, done.status());
        assertEquals(Direction.INBOUND, done.direction());
        assertEquals("+15551234567", done.from());
        assertEquals("1000", done.to());
        assertNotNull(done.startTime());
        assertNotNull(done.duration());
        assertTrue(done.sid().matches("CA[0-9a-f]{32}"));

        RecordedRequest fetch = Harness.await(h.app.awaitRequest("/voice"));
        assertEquals("POST", fetch.method());
        assertEquals(done.sid(), fetch.param("CallSid"));
        assertEquals(h.patchbay.mainAccount().sid(), fetch.param("AccountSid"));
        assertEquals("+15551234567", fetch.param("From"));
        assertEquals("1000", fetch.param("To"));
        assertEquals("ringing", fetch.param("CallStatus"));
        assertEquals("inbound", fetch.param("Direction"));
        assertEquals("2010-04-01", fetch.param("ApiVersion"));
        assertTrue(new RequestValidator(h.patchbay.mainAccount().authToken())
                .validate(h.app.url("/voice"), fetch.params(), fetch.header("X-Twilio-Signature")));

        List<String> heard = h.heardMedia(call.channelId());
        assertEquals(1, heard.size(), heard.toString());
        assertTrue(heard.get(0).matches("playback sound:http://127\\.0\\.0\\.1:\\d+/media/tts/[0-9a-f]{64}\\.wav done"), heard.toString());
        h.assertNothingLeaked();
    }

    @Test
    void anUnknownNumberHearsNotInServiceAndIsHungUp() {
        InboundCall call = h.call("+15551234567", "4040");
        CallRecord done = h.finished(call.channelId());
        assertEquals(CallStatus.COMPLETED, done.status());
        assertEquals(List.of("playback sound:ss-noservice done"), h.heardMedia(call.channelId()));
        assertTrue(h.app.requests().isEmpty());
        h.assertNothingLeaked();
    }

    @Test
    void whenAsterisksEventSocketDropsHealthSaysConnectingAndTheNextCallWorksAfterReconnecting() {
        h.number("1000", "/voice", null, null);
        h.app.respond("/voice", "<Response><Play>sound:beep</Play></Response>");
        Harness.await(h.asterisk.refuseEventSockets(1500));
        Harness.await(h.asterisk.disconnectEventSockets());
        h.waitUntil("/health to say connecting", () -> health().contains("\"ari\" : \"connecting\""));
        assertTrue(health().contains("\"status\" : \"degraded\""));
        h.waitUntil("/health to say connected", () -> HealthProbe.connected(h.patchbay.httpPort()));
        InboundCall call = h.call("+15551234567", "1000");
        assertEquals(CallStatus.COMPLETED, h.finished(call.channelId()).status());
        assertEquals(List.of("playback sound:beep done"), h.heardMedia(call.channelId()));
    }

    private String health() {
        return HealthProbe.health(h.patchbay.httpPort());
    }
}
