package org.patchbay.server.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.testkit.FakeResponse;
import org.patchbay.testkit.RecordedRequest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Cookies the app server sets live as long as the call, come back on its later requests, and stay with it. */
class CookiesIT {
    private static final String MENU = "<Response><Gather numDigits=\"1\" action=\"/app/menu\">"
            + "<Play>sound:beep</Play></Gather></Response>";

    @TempDir
    Path dataDir;
    Harness h;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        h.number("6100", "/app/voice", null, null);
        h.app.respondWith("/app/voice", request -> FakeResponse.twiml(MENU)
                .withHeader("Set-Cookie", "session=" + request.param("CallSid") + "; Path=/app; HttpOnly"));
        h.app.respond("/app/menu", "<Response><Redirect>/other/next</Redirect></Response>");
        h.app.respond("/other/next", "<Response><Hangup/></Response>");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private InboundCall callAndPress(String from) {
        InboundCall call = h.call(from, "6100");
        h.waitUntil("the menu prompt", () -> !h.heardMedia(call.channelId()).isEmpty());
        Harness.await(h.asterisk.pressDigits(call.callerChannelId(), "1"));
        h.finished(call.channelId());
        return call;
    }

    @Test
    void aCookieFromTheFirstResponseComesBackOnTheGatherActionOfThatCallOnly() {
        callAndPress("+15550006101");
        callAndPress("+15550006102");

        List<RecordedRequest> voice = Harness.await(h.app.awaitRequests("/app/voice", 2, Duration.ofSeconds(10)));
        List<RecordedRequest> menu = Harness.await(h.app.awaitRequests("/app/menu", 2, Duration.ofSeconds(10)));
        for (int i = 0; i < 2; i++) {
            assertNull(voice.get(i).header("Cookie"), "the first request of a call carries no cookie from another call");
            assertEquals("session=" + voice.get(i).param("CallSid"), menu.get(i).header("Cookie"));
            assertEquals(voice.get(i).param("CallSid"), menu.get(i).param("CallSid"));
        }
        List<RecordedRequest> next = h.app.requests("/other/next");
        assertEquals(2, next.size());
        next.forEach(r -> assertNull(r.header("Cookie"), "Path=/app does not cover /other"));
    }
}
