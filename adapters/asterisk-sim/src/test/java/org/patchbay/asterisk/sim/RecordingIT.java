package org.patchbay.asterisk.sim;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchbay.asterisk.sim.media.Wav;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recordings store only the audio that arrived, and end the ways ARI lets them end. Durations are whole
 * seconds, so these run at a fifth of real time: a second of simulated slack is 200 ms of scheduling noise.
 */
class RecordingIT extends SimIT {
    private InboundCall call;
    private String channelId;

    @Override
    protected double timeScale() {
        return 0.2;
    }

    @BeforeEach
    void start() {
        call = harness.answeredCall();
        channelId = call.channelId();
    }

    @Test
    void continuousSpeechIsRecordedUpToTheMaximumDuration() {
        harness.sim.startSpeaking(call.callerChannelId()).await();

        JsonObject finished = record("speech", "maxDurationSeconds=2");

        assertEquals(2L, finished.getLong("duration"));
        assertEquals(new JsonObject().put("name", "speech").put("format", "wav"),
                harness.expect(200, "GET", "/recordings/stored/speech"));
        AriClient.Response file = harness.ari.ari("GET", "/recordings/stored/speech/file", null);
        assertEquals("audio/wav", file.contentType());
        long millis = Wav.durationMillis(file.body()).orElseThrow();
        assertTrue(millis >= 2000 && millis < 3000, "stored " + millis + " ms");
        assertTrue(hasSound(file.body()), "speech is stored as a tone");
    }

    @Test
    void silenceAfterSpeechEndsTheRecordingWithMaxSilence() {
        startRecording("pause", "maxDurationSeconds=10&maxSilenceSeconds=1");
        harness.sim.speak(channelId, 1000).await();

        JsonObject finished = finished("pause");

        assertEquals(1L, finished.getLong("duration"));
        assertEquals(1L, finished.getLong("talking_duration"));
        assertEquals(0L, finished.getLong("silence_duration"));
        assertTrue(SimHarness.simMillisBetween(harness.awaitEvent("RecordingStarted", "pause"),
                harness.awaitEvent("RecordingFinished", "pause")) >= 2000);
    }

    @Test
    void withNoAudioTheFileIsEmptyAndTheRecordingEndsLate() {
        JsonObject finished = record("quiet", "maxDurationSeconds=2");

        assertEquals(0L, finished.getLong("duration"));
        assertTrue(SimHarness.simMillisBetween(harness.awaitEvent("RecordingStarted", "quiet"),
                harness.awaitEvent("RecordingFinished", "quiet")) >= 4000);
        assertEquals(Wav.HEADER_BYTES, harness.ari.ari("GET", "/recordings/stored/quiet/file", null).body().length());
    }

    @Test
    void aTerminatingDigitEndsTheRecordingRightAfterIt() {
        harness.sim.startSpeaking(channelId).await();
        startRecording("pressed", "maxDurationSeconds=30&terminateOn=%23");

        harness.sim.pressDigits(call.callerChannelId(), "1#").await();

        harness.awaitEvent("RecordingFinished", "pressed");
        List<String> types = SimHarness.types(harness.eventsAbout(channelId));
        assertEquals(List.of("ChannelDtmfReceived", "ChannelDtmfReceived", "RecordingFinished"),
                types.subList(types.size() - 3, types.size()));
    }

    @Test
    void stoppingKeepsTheRecordingAndCancellingDiscardsIt() {
        harness.sim.startSpeaking(channelId).await();
        startRecording("kept", "maxDurationSeconds=30");
        harness.expect(200, "GET", "/recordings/live/kept");
        harness.expect(204, "POST", "/recordings/live/kept/stop");
        assertEquals("done", finished("kept").getString("state"));
        harness.expect(404, "GET", "/recordings/live/kept");
        harness.expect(200, "GET", "/recordings/stored/kept");

        startRecording("dropped", "maxDurationSeconds=30");
        harness.expect(204, "DELETE", "/recordings/live/dropped");

        assertEquals("canceled", finished("dropped").getString("state"));
        harness.expect(404, "GET", "/recordings/stored/dropped");
    }

    @Test
    void theCallerHearsTheBeepBeforeRecording() {
        harness.sim.startSpeaking(channelId).await();

        record("beeped", "maxDurationSeconds=1&beep=true");

        HeardEntry first = harness.sim.heard(channelId).await().get(0);
        assertEquals("beep", first.kind());
    }

    @Test
    void existingNamesAndUnknownFormatsAreRefused() {
        record("taken", "maxDurationSeconds=1");

        AriClient.Response conflict = harness.ari.ari("POST", "/channels/" + channelId
                + "/record?name=taken&format=wav&ifExists=fail", null);
        assertEquals(409, conflict.status());
        assertEquals("Recording 'taken' already exists and can not be overwritten",
                ((JsonObject) conflict.json()).getString("message"));
        AriClient.Response badFormat = harness.ari.ari("POST", "/channels/" + channelId
                + "/record?name=other&format=nosuchformat", null);
        assertEquals(422, badFormat.status());
        harness.expect(201, "POST", "/channels/" + channelId + "/record?name=taken&format=wav&ifExists=overwrite"
                + "&maxDurationSeconds=1");
    }

    @Test
    void aHangUpEndsTheRecordingAndKeepsIt() {
        harness.sim.startSpeaking(channelId).await();
        startRecording("cut", "maxDurationSeconds=60");
        harness.awaitEvent("RecordingStarted", "cut");

        harness.sim.hangUp(channelId).await();

        assertEquals("done", finished("cut").getString("state"));
        harness.expect(200, "GET", "/recordings/stored/cut");
        harness.awaitIdle();
    }

    @Test
    void theRecordingIsNotStoredWhileItRuns() {
        startRecording("running", "maxDurationSeconds=30");
        assertNotEquals(200, harness.ari.ari("GET", "/recordings/stored/running", null).status());
        harness.expect(204, "POST", "/recordings/live/running/stop");
        finished("running");
    }

    private JsonObject record(String name, String options) {
        startRecording(name, options);
        return finished(name);
    }

    private void startRecording(String name, String options) {
        JsonObject live = harness.expect(201, "POST", "/channels/" + channelId + "/record?name=" + name
                + "&format=wav&ifExists=overwrite&" + options);
        assertEquals("queued", live.getString("state"));
    }

    private JsonObject finished(String name) {
        return harness.awaitEvent("RecordingFinished", name).getJsonObject("recording");
    }

    private static boolean hasSound(Buffer wav) {
        for (int i = Wav.HEADER_BYTES; i + 1 < wav.length(); i += 2) {
            if (wav.getShortLE(i) != 0) {
                return true;
            }
        }
        return false;
    }
}
