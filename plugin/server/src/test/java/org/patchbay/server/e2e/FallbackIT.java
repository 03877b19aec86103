package org.patchbay.server.e2e;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Play;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.notification.Notification;
import org.patchbay.testkit.FakeResponse;
import org.patchbay.testkit.RecordedRequest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every way the voice URL can fail sends the call to the fallback URL and leaves a Notification. */
class FallbackIT {
    private static final String FALLBACK_TWIML = new VoiceResponse.Builder()
            .play(new Play.Builder("sound:beep").build()).build().toXml();

    @TempDir
    Path dataDir;
    Harness h;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        h.app.respond("/fallback", FALLBACK_TWIML);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private void expectFallback(String voiceUrlPath, int errorCode) {
        h.number("2000", voiceUrlPath, "/fallback", null);
        InboundCall call = h.call("+15550000001", "2000");
        RecordedRequest fallback = Harness.await(h.app.awaitRequest("/fallback"));
        assertEquals(Integer.toString(errorCode), fallback.param("ErrorCode"));
        assertTrue(fallback.param("ErrorUrl").endsWith(voiceUrlPath), fallback.param("ErrorUrl"));
        CallRecord done = h.finished(call.channelId());
        assertEquals(CallStatus.COMPLETED, done.status());
        assertEquals(List.of("playback sound:beep done"), h.heardMedia(call.channelId()));
        Notification notification = notifications(done.sid()).get(0);
        assertEquals(errorCode, notification.errorCode());
        assertEquals(Notification.ERROR, notification.log());
        assertTrue(notification.requestUrl().endsWith(voiceUrlPath));
        assertEquals("POST", notification.requestMethod());
        assertTrue(notification.requestVariables().contains("CallSid=" + done.sid()), notification.requestVariables());
        h.assertNothingLeaked();
    }

    private List<Notification> notifications(String callSid) {
        h.waitUntil("a notification", () -> !Harness.await(h.patchbay.store().of(Notification.KIND)
                .list(h.patchbay.mainAccount().sid(), n -> callSid.equals(n.callSid()), 0, 10)).items().isEmpty());
        return Harness.await(h.patchbay.store().of(Notification.KIND)
                .list(h.patchbay.mainAccount().sid(), n -> callSid.equals(n.callSid()), 0, 10)).items();
    }

    @Test
    void http500() {
        h.app.respond("/voice", 500, "text/plain", "boom");
        expectFallback("/voice", 11200);
    }

    @Test
    void http404WithTheStartOfTheBodyInTheNotification() {
        h.app.respond("/voice", 404, "text/html", "<html>nothing here</html>");
        expectFallback("/voice", 11200);
        Notification n = Harness.await(h.patchbay.store().of(Notification.KIND)
                .list(h.patchbay.mainAccount().sid(), x -> true, 0, 1)).items().get(0);
        assertEquals(404, n.responseStatus());
        assertEquals("<html>nothing here</html>", n.responseBody());
    }

    @Test
    void wrongContentType() {
        h.app.respond("/voice", 200, "application/json", "{\"verb\":\"Hangup\"}");
        expectFallback("/voice", 12300);
    }

    @Test
    void unparsableTwiml() {
        h.app.respond("/voice", 200, "text/xml", "<Response><Say>unclosed</Response>");
        expectFallback("/voice", 12100);
    }

    @Test
    void invalidTwiml() {
        h.app.respond("/voice", 200, "text/xml", "<Response><Dance/></Response>");
        expectFallback("/voice", 12200);
    }

    @Test
    void timeout() {
        h.app.respond("/voice", FakeResponse.twiml("<Response/>").delayed(Duration.ofSeconds(3)));
        expectFallback("/voice#tt=300", 11205);
    }

    @Test
    void connectionRefused() {
        h.number("2000", "/voice", "/fallback", null);
        String closedPort = "http://127.0.0.1:1/voice";
        h.patchbay.store().of(org.patchbay.core.number.PhoneNumber.KIND).findBy("phoneNumber", "2000")
                .compose(n -> h.patchbay.store().of(org.patchbay.core.number.PhoneNumber.KIND).put(
                        new org.patchbay.core.number.PhoneNumber(n.sid(), n.accountSid(), n.phoneNumber(), n.friendlyName(),
                                closedPort, "POST", n.voiceFallbackUrl(), "POST", null, null, null, n.dateCreated(), n.dateUpdated())))
                .toCompletionStage().toCompletableFuture().join();
        InboundCall call = h.call("+15550000001", "2000");
        RecordedRequest fallback = Harness.await(h.app.awaitRequest("/fallback"));
        assertEquals("11205", fallback.param("ErrorCode"));
        assertEquals(closedPort, fallback.param("ErrorUrl"));
        assertEquals(CallStatus.COMPLETED, h.finished(call.channelId()).status());
    }

    @Test
    void whenTheFallbackFailsTooTheCallerHearsAnErrorAndIsHungUp() {
        h.app.respond("/voice", 500, "text/plain", "down");
        h.app.respond("/fallback", 503, "text/plain", "also down");
        h.number("2000", "/voice", "/fallback", null);
        InboundCall call = h.call("+15550000001", "2000");
        CallRecord done = h.finished(call.channelId());
        assertEquals(CallStatus.COMPLETED, done.status());
        assertEquals(List.of("playback sound:an-error-has-occurred done"), h.heardMedia(call.channelId()));
        h.waitUntil("two notifications", () -> Harness.await(h.patchbay.store().of(Notification.KIND)
                .list(h.patchbay.mainAccount().sid(), n -> done.sid().equals(n.callSid()), 0, 10)).items().size() == 2);
        h.assertNothingLeaked();
    }

    @Test
    void aRedirectThatFailsAlsoFallsBack() {
        h.app.respond("/voice", "<Response><Redirect>/next</Redirect></Response>");
        h.app.respond("/next", 500, "text/plain", "no");
        h.number("2000", "/voice", "/fallback", null);
        InboundCall call = h.call("+15550000001", "2000");
        RecordedRequest fallback = Harness.await(h.app.awaitRequest("/fallback"));
        assertEquals("11200", fallback.param("ErrorCode"));
        assertTrue(fallback.param("ErrorUrl").endsWith("/next"));
        assertNotNull(h.finished(call.channelId()));
    }
}
