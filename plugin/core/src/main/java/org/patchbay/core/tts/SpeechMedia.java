package org.patchbay.core.tts;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Turns text into a media URI Asterisk can play. By default Patchbay serves the synthesised audio
 * under its public URL as a {@code .wav} file (Asterisk's HTTP media cache plays only paths ending
 * in .wav, and the long hash keeps the URL above Asterisk 22.10.1's 28-character minimum). When a
 * sounds directory shared with Asterisk is configured, the file is placed there instead and played
 * by path, with no HTTP round trip.
 */
public final class SpeechMedia {
    public static final String ROUTE_PREFIX = "/media/tts/";

    private final TtsEngine engine;
    private final String publicBaseUrl;
    private final Vertx vertx;
    private final Path soundsDir;

    /** @param soundsDir a directory Asterisk reads at the same path, or null to serve speech over HTTP */
    public SpeechMedia(TtsEngine engine, String publicBaseUrl, Vertx vertx, Path soundsDir) {
        this.engine = engine;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        this.vertx = vertx;
        this.soundsDir = soundsDir == null ? null : soundsDir.toAbsolutePath();
    }

    public Future<String> mediaFor(String text, String voice, String language) {
        Future<Speech> speech = engine.synthesize(text, voice, language);
        if (soundsDir == null) {
            return speech.map(s -> "sound:" + publicBaseUrl + ROUTE_PREFIX + s.id() + ".wav");
        }
        return speech.compose(s -> vertx.executeBlocking(() -> placeInSoundsDir(s), false));
    }

    /** Asterisk finds {@code <path>.wav} for {@code sound:<path>}; a half-copied file is never visible under that name. */
    private String placeInSoundsDir(Speech speech) throws Exception {
        Path target = soundsDir.resolve(speech.id() + ".wav");
        if (!Files.exists(target)) {
            Files.createDirectories(soundsDir);
            Path partial = Files.createTempFile(soundsDir, speech.id(), ".part");
            Files.copy(speech.file(), partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return "sound:" + soundsDir.resolve(speech.id());
    }
}
