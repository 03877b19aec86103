package org.patchbay.server.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.AriRequest;
import org.patchbay.core.call.CallApp;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallRecordingOptions;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.livecall.OutboundCall;
import org.patchbay.core.recording.Recording;
import org.patchbay.testkit.RecordedRequest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /Calls Record=true}: the whole call is recorded from answer, through a snoop channel, while prompts play. */
class RecordOnAnswerIT {
    @TempDir
    Path dataDir;
    Harness h;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        h.app.respond("/voice", "<Response><Play>sound:beep</Play><Pause length=\"2\"/><Play>sound:beep</Play></Response>");
        h.app.respond("/recording", 204, "text/plain", "");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private CallRecord place(CallRecordingOptions recording) {
        CallApp app = new CallApp(h.app.url("/voice"), "POST", null, null, null, "POST", Set.of("completed"));
        return Harness.await(h.patchbay.liveCalls().create(new OutboundCall(h.patchbay.mainAccount().sid(), "+15557650001",
                "+15550009999", null, app, null, 30, 0, null, recording)));
    }

    private CallRecord finished(String sid) {
        h.waitUntil("call " + sid + " to end", () -> {
            CallRecord r = Harness.await(h.patchbay.store().of(CallRecord.KIND).get(sid));
            return r != null && r.status().isFinal();
        });
        return Harness.await(h.patchbay.store().of(CallRecord.KIND).get(sid));
    }

    @Test
    void theCallIsRecordedFromAnswerAndTheCallbackGetsTheEventsAskedFor() {
        CallRecord call = place(new CallRecordingOptions(1, h.app.url("/recording"), "POST", List.of("in-progress", "completed")));
        assertEquals(CallStatus.COMPLETED, finished(call.sid()).status());
        CallRecord done = finished(call.sid());
        assertEquals(List.of("playback sound:beep done", "playback sound:beep done"), h.heardMedia(done.channelId()),
                "the prompts play while the call is recorded");

        List<RecordedRequest> callbacks = Harness.await(h.app.awaitRequests("/recording", 2, Duration.ofSeconds(10)));
        assertEquals(List.of("in-progress", "completed"), callbacks.stream().map(r -> r.param("RecordingStatus")).toList());
        RecordedRequest completed = callbacks.get(1);
        assertEquals(call.sid(), completed.param("CallSid"));
        assertEquals("OutboundAPI", completed.param("RecordingSource"));
        assertTrue(Integer.parseInt(completed.param("RecordingDuration")) >= 2, completed.param("RecordingDuration"));
        Recording stored = Harness.await(h.patchbay.store().of(Recording.KIND).get(completed.param("RecordingSid")));
        assertEquals("completed", stored.status());
        assertEquals(call.sid(), stored.callSid());

        List<AriRequest> requests = Harness.await(h.asterisk.requests());
        assertTrue(requests.stream().anyMatch(r -> r.path().equals("/channels/" + done.channelId() + "/snoop/" + done.channelId() + "-recording")),
                "recorded through a snoop channel on the call");
        h.assertNothingLeaked();
    }

    @Test
    void withoutRecordNothingIsRecorded() {
        CallRecord call = place(null);
        finished(call.sid());
        assertTrue(Harness.await(h.asterisk.requests()).stream().noneMatch(r -> r.path().contains("/snoop")));
        assertTrue(h.app.requests("/recording").isEmpty());
    }
}
