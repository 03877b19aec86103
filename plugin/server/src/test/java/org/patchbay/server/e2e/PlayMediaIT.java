package org.patchbay.server.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.notification.Notification;
import org.patchbay.testkit.FakeResponse;
import org.patchbay.testkit.TestAudio;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code <Play>} of media Asterisk cannot play as it is: Patchbay fetches it, converts it to 8 kHz
 * linear WAV and serves that to Asterisk (the simulator, like Asterisk's format_wav, plays only
 * 16-bit mono 8 kHz WAV); a fresh copy is played again without a second download; what cannot be
 * fetched or decoded is logged with Twilio's code and skipped.
 */
class PlayMediaIT {
    private static final String CONVERTED = "playback sound:http://127\\.0\\.0\\.1:\\d+/media/play/[0-9a-f]{64}\\.wav done";

    @TempDir
    Path dataDir;
    Harness h;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        h.number("3200", "/voice", null, null);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private List<String> playTwiceOnTwoCalls(String path) {
        h.app.respond("/voice", "<Response><Play>" + path + "</Play><Play>" + path + "</Play></Response>");
        InboundCall first = h.call("+15550003201", "3200");
        assertEquals(CallStatus.COMPLETED, h.finished(first.channelId()).status());
        InboundCall second = h.call("+15550003202", "3200");
        assertEquals(CallStatus.COMPLETED, h.finished(second.channelId()).status());
        List<String> heard = new java.util.ArrayList<>(h.heardMedia(first.channelId()));
        heard.addAll(h.heardMedia(second.channelId()));
        return heard;
    }

    @Test
    void anMp3IsConvertedAndDownloadedOnceWhileFresh() {
        h.app.respond("/audio/tone.mp3", FakeResponse.bytes("audio/mpeg", TestAudio.mp3(1))
                .withHeader("Cache-Control", "public, max-age=3600"));
        List<String> heard = playTwiceOnTwoCalls("/audio/tone.mp3");
        assertEquals(4, heard.size(), heard.toString());
        heard.forEach(line -> assertTrue(line.matches(CONVERTED), heard.toString()));
        assertEquals(1, heard.stream().distinct().count(), "one converted file for one URL");
        assertEquals(1, h.app.requests("/audio/tone.mp3").size(), "the fresh copy is played without a second download");
    }

    @Test
    void aStereoWavAt44kHzIsConvertedAndAStaleOneRevalidated() {
        byte[] wav = TestAudio.wav(44100, 2, 1.0);
        h.app.respondWith("/audio/stereo.wav", request -> "\"v1\"".equals(request.header("If-None-Match"))
                ? FakeResponse.status(304).withHeader("ETag", "\"v1\"")
                : FakeResponse.bytes("audio/wav", wav).withHeader("ETag", "\"v1\""));
        List<String> heard = playTwiceOnTwoCalls("/audio/stereo.wav");
        assertEquals(4, heard.size(), heard.toString());
        heard.forEach(line -> assertTrue(line.matches(CONVERTED), heard.toString()));
        List<org.patchbay.testkit.RecordedRequest> downloads = h.app.requests("/audio/stereo.wav");
        assertEquals(4, downloads.size(), "without Cache-Control each play asks again");
        assertEquals(1, heard.stream().distinct().count(), "a 304 keeps the converted copy: " + heard);
        assertEquals(null, downloads.get(0).header("If-None-Match"));
        assertEquals("\"v1\"", downloads.get(1).header("If-None-Match"), "a known ETag makes the request conditional");
    }

    @Test
    void theStereoWavServedAsItIsWouldNotPlay() {
        h.app.respond("/audio/raw.wav", FakeResponse.bytes("audio/wav", TestAudio.wav(44100, 2, 1.0)));
        h.app.respond("/voice", "<Response><Play>sound:" + h.app.url("/audio/raw.wav") + "</Play></Response>");
        InboundCall call = h.call("+15550003203", "3200");
        h.finished(call.channelId());
        List<String> heard = h.heardMedia(call.channelId());
        assertEquals(1, heard.size(), heard.toString());
        assertTrue(heard.get(0).endsWith(" failed"), "the simulator refuses what Asterisk's format_wav refuses: " + heard);
    }

    @Test
    void aMissingFileIs11200AndTheCallGoesOn() {
        h.app.respond("/voice", "<Response><Play>/audio/missing.mp3</Play><Play>sound:beep</Play></Response>");
        InboundCall call = h.call("+15550003204", "3200");
        assertEquals(CallStatus.COMPLETED, h.finished(call.channelId()).status());
        assertEquals(List.of("playback sound:beep done"), h.heardMedia(call.channelId()));
        Notification logged = onlyNotification(call);
        assertEquals(11200, logged.errorCode());
        assertTrue(logged.messageText().contains("404"), logged.messageText());
    }

    @Test
    void aCorruptFileIs13420AndTheCallGoesOn() {
        h.app.respond("/audio/broken.mp3", FakeResponse.bytes("audio/mpeg", "this is not audio at all".repeat(40).getBytes()));
        h.app.respond("/voice", "<Response><Play>/audio/broken.mp3</Play><Play>sound:beep</Play></Response>");
        InboundCall call = h.call("+15550003205", "3200");
        assertEquals(CallStatus.COMPLETED, h.finished(call.channelId()).status());
        assertEquals(List.of("playback sound:beep done"), h.heardMedia(call.channelId()));
        Notification logged = onlyNotification(call);
        assertEquals(13420, logged.errorCode());
        assertTrue(logged.messageText().contains("could not be decoded"), logged.messageText());
    }

    private Notification onlyNotification(InboundCall call) {
        String callSid = h.finished(call.channelId()).sid();
        List<Notification> found = Harness.await(h.patchbay.store().of(Notification.KIND)
                .list(h.patchbay.mainAccount().sid(), n -> callSid.equals(n.callSid()), 0, 10)).items();
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    @Test
    void theSimulatorFetchedTheConvertedFileFromPatchbay() {
        h.app.respond("/audio/tone.mp3", FakeResponse.bytes("audio/mpeg", TestAudio.mp3(1)));
        h.app.respond("/voice", "<Response><Play>/audio/tone.mp3</Play></Response>");
        InboundCall call = h.call("+15550003206", "3200");
        h.finished(call.channelId());
        Map<String, Integer> fetches = Harness.await(h.asterisk.mediaFetches());
        assertEquals(1, fetches.size(), fetches.toString());
        assertTrue(fetches.keySet().iterator().next().contains("/media/play/"), fetches.toString());
    }
}
