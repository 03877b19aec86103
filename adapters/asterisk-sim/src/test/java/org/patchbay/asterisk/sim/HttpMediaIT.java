package org.patchbay.asterisk.sim;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchbay.asterisk.sim.media.HttpMedia;
import org.patchbay.asterisk.sim.media.Wav;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sound:http://...} playbacks fetched from a real HTTP server, with Asterisk 22.10.1's rules. */
class HttpMediaIT extends SimIT {
    private static final long PROMPT_MILLIS = 2000;

    private MediaServer media;
    private String channelId;

    @BeforeEach
    void start() {
        media = MediaServer.start(harness.vertx, 0);
        channelId = harness.answeredCall().channelId();
    }

    @AfterEach
    void stop() {
        media.close();
    }

    @Test
    void aWavFilePlaysForItsOwnDuration() {
        media.serve("/prompt.wav", MediaServer.Media.wav(Wav.tone(PROMPT_MILLIS)));

        JsonObject finished = play(url("/prompt.wav"), "ok");

        assertEquals("done", state(finished));
        JsonObject started = harness.awaitEvent("PlaybackStarted", "ok");
        assertTrue(SimHarness.simMillisBetween(started, finished) >= PROMPT_MILLIS);
        assertEquals("done", harness.sim.heard(channelId).await().get(0).outcome());
    }

    @Test
    void aMissingFileFails() {
        assertEquals("failed", state(play(url("/missing.wav"), "missing")));
    }

    @Test
    void withoutAWavExtensionTheContentTypeDecides() {
        media.serve("/octets", MediaServer.Media.wav(Wav.tone(PROMPT_MILLIS), "Content-Type", "application/octet-stream"));
        media.serve("/typed", MediaServer.Media.wav(Wav.tone(PROMPT_MILLIS), "Content-Type", "audio/x-wav"));

        assertEquals("failed", state(play(url("/octets"), "octets")));
        assertEquals("done", state(play(url("/typed"), "typed")));
    }

    @Test
    void urlsShorterThan28CharactersFailLikeInAsterisk22() {
        String base = "http://127.0.0.1:" + media.port() + "/";
        int shortLength = HttpMedia.MIN_URL_LENGTH - 1 - base.length();
        String shortName = "x.wav".substring("x.wav".length() - shortLength);
        media.serve("/" + shortName, MediaServer.Media.wav(Wav.tone(PROMPT_MILLIS)));
        media.serve("/a" + shortName, MediaServer.Media.wav(Wav.tone(PROMPT_MILLIS)));
        assertEquals(27, (base + shortName).length());

        assertEquals("failed", state(play(base + shortName, "short")));
        assertEquals("done", state(play(base + "a" + shortName, "long-enough")));
    }

    @Test
    void aRefusedConnectionFails() throws IOException {
        int unused;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            unused = probe.getLocalPort();
        }

        assertEquals("failed", state(play("http://127.0.0.1:" + unused + "/prompt.wav", "refused")));
    }

    @Test
    void filesAreFetchedAgainUnlessTheResponseAllowsCaching() {
        media.serve("/fresh.wav", MediaServer.Media.wav(Wav.tone(100)));
        media.serve("/cached.wav", MediaServer.Media.wav(Wav.tone(100), "Cache-Control", "max-age=600"));

        for (int i = 0; i < 2; i++) {
            play(url("/fresh.wav"), "fresh-" + i);
            play(url("/cached.wav"), "cached-" + i);
        }

        assertEquals(2, media.hits("/fresh.wav"));
        assertEquals(1, media.hits("/cached.wav"));
        assertEquals(2, harness.sim.mediaFetches().await().get(url("/fresh.wav")));
        assertEquals(1, harness.sim.mediaFetches().await().get(url("/cached.wav")));
    }

    @Test
    void aUrlWithoutTheSoundSchemeStartsButNeverFinishes() {
        AriClient.Response response = harness.ari.ari("POST", "/channels/" + channelId + "/play?playbackId=bare&media="
                + URLEncoder.encode(url("/prompt.wav"), StandardCharsets.UTF_8), null);
        assertEquals(201, response.status());
        harness.awaitEvent("PlaybackStarted", "bare");

        harness.expect(404, "GET", "/playbacks/bare");
        harness.expect(201, "POST", "/channels/" + channelId + "/play?media=sound:beep&playbackId=after");
        assertEquals("done", state(harness.awaitEvent("PlaybackFinished", "after")));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + media.port() + path;
    }

    private JsonObject play(String url, String playbackId) {
        String media = URLEncoder.encode("sound:" + url, StandardCharsets.UTF_8);
        harness.expect(201, "POST", "/channels/" + channelId + "/play?media=" + media + "&playbackId=" + playbackId);
        return harness.awaitEvent("PlaybackFinished", playbackId);
    }

    private static String state(JsonObject playbackEvent) {
        return playbackEvent.getJsonObject("playback").getString("state");
    }
}
