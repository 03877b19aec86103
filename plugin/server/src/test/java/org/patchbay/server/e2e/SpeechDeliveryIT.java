package org.patchbay.server.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.AriRequest;
import org.patchbay.asterisk.sim.InboundCall;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a sounds directory shared with Asterisk, speech is written there and played by path. */
class SpeechDeliveryIT {
    @TempDir
    Path dataDir;
    @TempDir
    Path sounds;
    Harness h;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir, Map.of("PATCHBAY_SOUNDS_DIR", sounds.toString()));
        h.number("5100", "/voice", null, null);
        h.app.respond("/voice", "<Response><Say>Played from the shared sounds directory</Say></Response>");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void speechIsPlacedInTheSoundsDirectoryAndPlayedByPath() throws Exception {
        InboundCall call = h.call("+15550005100", "5100");
        h.finished(call.channelId());
        AriRequest play = Harness.await(h.asterisk.requests()).stream()
                .filter(r -> r.path().startsWith("/channels/" + call.channelId() + "/play")).findFirst().orElseThrow();
        String media = URLDecoder.decode(play.query(), StandardCharsets.UTF_8);
        assertTrue(media.matches("media=sound:" + java.util.regex.Pattern.quote(sounds.toAbsolutePath().toString())
                + "/[0-9a-f]{64}"), media);
        String id = media.substring(media.lastIndexOf('/') + 1);
        Path file = sounds.resolve(id + ".wav");
        assertTrue(Files.size(file) > 44, "a WAV with audio in it");
        assertTrue(new String(Files.readAllBytes(file), 0, 4, StandardCharsets.US_ASCII).equals("RIFF"));
    }
}
