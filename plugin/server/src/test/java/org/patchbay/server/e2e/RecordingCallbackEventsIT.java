package org.patchbay.server.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.recording.Recording;
import org.patchbay.testkit.RecordedRequest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code recordingStatusCallbackEvent} on {@code <Dial>} and {@code <Conference>} recordings, as Twilio has it:
 * {@code in-progress} when the recording starts, {@code completed} or {@code absent} when it is settled, and by
 * default {@code completed} only.
 */
class RecordingCallbackEventsIT {
    @TempDir
    Path dataDir;
    Harness h;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        h.number("8100", "/voice", null, null);
        h.app.respond("/rec", 204, "text/plain", "");
        h.app.respond("/dialed", "<Response><Hangup/></Response>");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private List<CallRecord> children(String parentSid) {
        return Harness.await(h.patchbay.store().of(CallRecord.KIND).list(h.patchbay.mainAccount().sid(),
                r -> parentSid.equals(r.parentCallSid()), 0, 10)).items();
    }

    /** Dials with the recording attributes given, lets the caller speak for {@code speechMillis}, then the callee hangs up. */
    private InboundCall dialRecorded(String events, long speechMillis) {
        h.app.respond("/voice", "<Response><Dial record=\"record-from-answer\" action=\"/dialed\""
                + " recordingStatusCallback=\"/rec\"" + events + "><Number>+15557100001</Number></Dial></Response>");
        InboundCall call = h.call("+15550000201", "8100");
        CallRecord parent = h.recordOf(call.channelId(), r -> true);
        h.waitUntil("the recording", () -> !Harness.await(h.asterisk.state()).liveRecordings().isEmpty());
        if (speechMillis > 0) {
            Harness.await(h.asterisk.speak(call.callerChannelId(), speechMillis));
            Harness.sleep(Duration.ofMillis(200));
        }
        CallRecord child = children(parent.sid()).get(0);
        Harness.await(h.asterisk.hangUp(child.channelId()));
        Harness.await(h.app.awaitRequest("/dialed"));
        h.finished(call.channelId());
        return call;
    }

    private void settled() {
        h.waitUntil("every recording settled", () -> Harness.await(h.patchbay.store().of(Recording.KIND)
                .list(h.patchbay.mainAccount().sid(), r -> true, 0, 10)).items().stream()
                .allMatch(r -> !r.status().equals("in-progress")));
        Harness.sleep(Duration.ofMillis(300));
    }

    @Test
    void aDialAskingForInProgressAndCompletedHearsBothInOrder() {
        dialRecorded(" recordingStatusCallbackEvent=\"in-progress completed\"", 2000);
        List<RecordedRequest> callbacks = Harness.await(h.app.awaitRequests("/rec", 2, Duration.ofSeconds(10)));
        assertEquals(List.of("in-progress", "completed"), callbacks.stream().map(r -> r.param("RecordingStatus")).toList());
        assertEquals("DialVerb", callbacks.get(1).param("RecordingSource"));
        assertEquals(callbacks.get(0).param("RecordingSid"), callbacks.get(1).param("RecordingSid"));
        h.assertNothingLeaked();
    }

    @Test
    void byDefaultADialHearsOnlyCompleted() {
        dialRecorded("", 2000);
        settled();
        List<RecordedRequest> callbacks = h.app.requests("/rec");
        assertEquals(List.of("completed"), callbacks.stream().map(r -> r.param("RecordingStatus")).toList());
    }

    @Test
    void aSilentDialRecordingIsAbsentAndReportedOnlyWhenAskedFor() {
        dialRecorded("", 0);
        settled();
        assertTrue(h.app.requests("/rec").isEmpty(), "absent is not among the default events");

        h.app.reset();
        h.app.respond("/rec", 204, "text/plain", "");
        h.app.respond("/dialed", "<Response><Hangup/></Response>");
        dialRecorded(" recordingStatusCallbackEvent=\"absent\"", 0);
        RecordedRequest absent = Harness.await(h.app.awaitRequest("/rec"));
        assertEquals("absent", absent.param("RecordingStatus"));
    }

    @Test
    void aRecordVerbHearsInProgressWhenAskedAndAnEmptyRecordingOnlyWhenAbsentIsAsked() {
        h.app.respond("/voice", "<Response><Record playBeep=\"false\" timeout=\"1\" maxLength=\"4\" action=\"/dialed\""
                + " recordingStatusCallback=\"/rec\" recordingStatusCallbackEvent=\"in-progress completed\"/></Response>");
        InboundCall speaking = h.call("+15550000203", "8100");
        RecordedRequest started = Harness.await(h.app.awaitRequest("/rec"));
        assertEquals("in-progress", started.param("RecordingStatus"));
        Harness.await(h.asterisk.speak(speaking.callerChannelId(), 1500));
        List<RecordedRequest> callbacks = Harness.await(h.app.awaitRequests("/rec", 2, Duration.ofSeconds(10)));
        assertEquals(List.of("in-progress", "completed"), callbacks.stream().map(r -> r.param("RecordingStatus")).toList());
        assertEquals("RecordVerb", callbacks.get(1).param("RecordingSource"));
        h.finished(speaking.channelId());

        h.app.reset();
        h.app.respond("/rec", 204, "text/plain", "");
        h.app.respond("/voice", "<Response><Record playBeep=\"false\" timeout=\"1\" maxLength=\"2\""
                + " recordingStatusCallback=\"/rec\"/></Response>");
        InboundCall silent = h.call("+15550000204", "8100");
        h.finished(silent.channelId());
        settled();
        assertTrue(h.app.requests("/rec").isEmpty(), "an absent recording is not among the default events");
    }

    @Test
    void aRecordedConferenceReportsInProgressAndCompleted() {
        h.app.respond("/voice", "<Response><Dial><Conference record=\"record-from-start\" recordingStatusCallback=\"/rec\""
                + " recordingStatusCallbackEvent=\"in-progress completed\">board</Conference></Dial></Response>");
        InboundCall first = h.call("+15550000202", "8100");
        RecordedRequest started = Harness.await(h.app.awaitRequest("/rec"));
        assertEquals("in-progress", started.param("RecordingStatus"));
        assertTrue(started.param("ConferenceSid").startsWith("CF"), started.params().toString());
        Harness.await(h.asterisk.speak(first.callerChannelId(), 2000));
        Harness.sleep(Duration.ofMillis(200));
        Harness.await(h.asterisk.hangUp(first.callerChannelId()));
        h.finished(first.channelId());
        List<RecordedRequest> callbacks = Harness.await(h.app.awaitRequests("/rec", 2, Duration.ofSeconds(10)));
        assertEquals(List.of("in-progress", "completed"), callbacks.stream().map(r -> r.param("RecordingStatus")).toList());
        h.assertNothingLeaked();
    }
}
