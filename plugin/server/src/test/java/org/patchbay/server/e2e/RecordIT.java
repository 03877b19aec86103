package org.patchbay.server.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.recording.Recording;
import org.patchbay.testkit.FakeResponse;
import org.patchbay.testkit.RecordedRequest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Leave a message after the beep." */
class RecordIT {
    @TempDir
    Path dataDir;
    Harness h;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        h.number("7000", "/voice", null, null);
        h.app.respond("/recorded-status", 204, "text/plain", "");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void recordThenPlayItBack() {
        h.app.respond("/voice", "<Response><Record action=\"/recorded\" maxLength=\"10\" timeout=\"2\" finishOnKey=\"#\" "
                + "recordingStatusCallback=\"/recorded-status\"/><Play>sound:beep</Play></Response>");
        h.app.respondWith("/recorded", request -> FakeResponse.twiml(
                "<Response><Play>recording:" + request.param("RecordingSid") + "</Play></Response>"));
        InboundCall call = h.call("+15550000005", "7000");
        Harness.await(h.app.awaitRequest("/voice"));
        h.waitUntil("the beep", () -> h.heardMedia(call.channelId()).stream().anyMatch(e -> e.startsWith("beep")));
        Harness.await(h.asterisk.startSpeaking(call.callerChannelId()));
        Harness.sleep(Duration.ofMillis(150));
        Harness.await(h.asterisk.pressDigits(call.callerChannelId(), "#"));

        RecordedRequest recorded = Harness.await(h.app.awaitRequest("/recorded"));
        String sid = recorded.param("RecordingSid");
        assertTrue(sid.matches("RE[0-9a-f]{32}"), sid);
        assertEquals("#", recorded.param("Digits"));
        assertTrue(Integer.parseInt(recorded.param("RecordingDuration")) >= 1, recorded.params().toString());
        assertTrue(recorded.param("RecordingUrl").endsWith("/Recordings/" + sid), recorded.param("RecordingUrl"));

        h.finished(call.channelId());
        List<String> heard = h.heardMedia(call.channelId());
        assertEquals("playback recording:" + sid + " done", heard.get(heard.size() - 1), heard.toString());

        Recording stored = Harness.await(h.patchbay.store().of(Recording.KIND).get(sid));
        assertEquals("completed", stored.status());
        assertEquals("RecordVerb", stored.source());
        RecordedRequest status = Harness.await(h.app.awaitRequest("/recorded-status"));
        assertEquals("completed", status.param("RecordingStatus"));
        assertEquals(sid, status.param("RecordingSid"));
        h.assertNothingLeaked();
    }

    @Test
    void anEmptyRecordingSkipsTheActionAndFallsThrough() {
        h.app.respond("/voice", "<Response><Record action=\"/recorded\" maxLength=\"2\" playBeep=\"false\"/>"
                + "<Play>sound:vm-goodbye</Play></Response>");
        InboundCall call = h.call("+15550000005", "7000");
        h.finished(call.channelId());
        assertTrue(h.app.requests("/recorded").isEmpty());
        List<String> heard = h.heardMedia(call.channelId());
        assertEquals(List.of("playback sound:vm-goodbye done"), heard);
        h.assertNothingLeaked();
    }

    @Test
    void playDigitsSendsDtmfToTheCall() {
        h.app.respond("/voice", "<Response><Play digits=\"12w3\"/></Response>");
        InboundCall call = h.call("+15550000005", "7000");
        h.finished(call.channelId());
        assertEquals(List.of("dtmf 12w3 sent"), h.heardMedia(call.channelId()));
    }
}
