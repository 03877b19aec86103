package org.patchbay.server.e2e;

import com.twilio.security.RequestValidator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.FarEndBehaviour;
import org.patchbay.core.call.CallApp;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.call.Direction;
import org.patchbay.core.livecall.OutboundCall;
import org.patchbay.testkit.RecordedRequest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calls Patchbay places: their status progression, status callbacks, and the ways they fail to connect. */
class OutboundCallIT {
    @TempDir
    Path dataDir;
    Harness h;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        h.app.respond("/voice", "<Response><Play>sound:beep</Play></Response>");
        h.app.respond("/status", 204, "text/plain", "");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private CallRecord place(String to) {
        CallApp app = new CallApp(h.app.url("/voice"), "POST", null, null, h.app.url("/status"), "POST",
                Set.of("initiated", "ringing", "answered", "completed"));
        return Harness.await(h.patchbay.liveCalls().create(new OutboundCall(h.patchbay.mainAccount().sid(), to,
                "+15550009999", null, app, null, 30, 0, null, false)));
    }

    private CallRecord finalRecord(String sid) {
        h.waitUntil("call " + sid + " to end", () -> {
            CallRecord r = Harness.await(h.patchbay.store().of(CallRecord.KIND).get(sid));
            return r != null && r.status().isFinal();
        });
        return Harness.await(h.patchbay.store().of(CallRecord.KIND).get(sid));
    }

    @Test
    void anAnsweredCallRunsItsTwimlAndReportsEveryStatusInOrder() {
        CallRecord queued = place("+15557654321");
        assertEquals(CallStatus.QUEUED, queued.status());
        assertEquals(Direction.OUTBOUND_API, queued.direction());
        CallRecord done = finalRecord(queued.sid());
        assertEquals(CallStatus.COMPLETED, done.status());
        assertNotNull(done.startTime());

        RecordedRequest fetch = Harness.await(h.app.awaitRequest("/voice"));
        assertEquals("in-progress", fetch.param("CallStatus"));
        assertEquals("outbound-api", fetch.param("Direction"));
        assertEquals("+15557654321", fetch.param("To"));

        List<RecordedRequest> callbacks = Harness.await(h.app.awaitRequests("/status", 4, Duration.ofSeconds(10)));
        assertEquals(List.of("queued", "ringing", "in-progress", "completed"),
                callbacks.stream().map(r -> r.param("CallStatus")).toList());
        RequestValidator validator = new RequestValidator(h.patchbay.mainAccount().authToken());
        for (int i = 0; i < callbacks.size(); i++) {
            RecordedRequest callback = callbacks.get(i);
            assertEquals(Integer.toString(i), callback.param("SequenceNumber"));
            assertEquals("call-progress-events", callback.param("CallbackSource"));
            assertNotNull(callback.param("Timestamp"));
            assertTrue(validator.validate(h.app.url("/status"), callback.params(), callback.header("X-Twilio-Signature")));
        }
        assertEquals(Long.toString(done.duration()), callbacks.get(3).param("CallDuration"));
        h.assertNothingLeaked();
    }

    @Test
    void busyNoAnswerAndFailureAreToldApart() {
        Harness.await(h.asterisk.addOriginateRule("PJSIP/+1555000100*", FarEndBehaviour.BUSY, 100));
        Harness.await(h.asterisk.addOriginateRule("PJSIP/+1555000200*", FarEndBehaviour.NO_ANSWER, 100));
        Harness.await(h.asterisk.addOriginateRule("PJSIP/+1555000300*", FarEndBehaviour.FAIL, 100));
        assertEquals(CallStatus.BUSY, finalRecord(place("+15550001001").sid()).status());
        assertEquals(CallStatus.NO_ANSWER, finalRecord(place("+15550002001").sid()).status());
        assertEquals(CallStatus.FAILED, finalRecord(place("+15550003001").sid()).status());
        assertTrue(h.app.requests("/voice").isEmpty(), "no TwiML is fetched for a call that was never answered");
        h.assertNothingLeaked();
    }

    @Test
    void aRingingCallCanBeCanceledAndAnAnsweredOneRedirected() {
        Harness.await(h.asterisk.addOriginateRule("PJSIP/+1555000400*", FarEndBehaviour.NO_ANSWER, 100));
        CallRecord ringing = place("+15550004001");
        h.waitUntil("ringing", () -> Harness.await(h.patchbay.store().of(CallRecord.KIND).get(ringing.sid())).status() == CallStatus.RINGING);
        Harness.await(h.patchbay.liveCalls().end(h.patchbay.mainAccount().sid(), ringing.sid(), CallStatus.CANCELED));
        assertEquals(CallStatus.CANCELED, finalRecord(ringing.sid()).status());

        h.app.respond("/voice", "<Response><Play loop=\"0\">sound:tt-monkeys</Play></Response>");
        h.app.respond("/elsewhere", "<Response><Play>sound:beep</Play></Response>");
        CallRecord live = place("+15557654322");
        Harness.await(h.app.awaitRequest("/voice"));
        h.waitUntil("monkeys", () -> !h.heardMedia(live.channelId()).isEmpty());
        Harness.await(h.patchbay.liveCalls().redirect(h.patchbay.mainAccount().sid(), live.sid(), h.app.url("/elsewhere"), "POST"));
        assertEquals(CallStatus.COMPLETED, finalRecord(live.sid()).status());
        List<String> heard = h.heardMedia(live.channelId());
        assertEquals("playback sound:tt-monkeys stopped", heard.get(0));
        assertEquals("playback sound:beep done", heard.get(heard.size() - 1));
        h.assertNothingLeaked();
    }
}
