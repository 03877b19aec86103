package org.patchbay.core.tts;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.patchbay.core.media.MediaGrants;
import org.patchbay.core.media.PlayMediaCache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Turns text, and {@code <Play>} URLs, into media URIs Asterisk can play. By default Patchbay
 * serves the audio under its public URL as a {@code .wav} file (Asterisk's HTTP media cache plays
 * only paths ending in .wav, and the long hash keeps the URL above Asterisk 22.10.1's 28-character
 * minimum): speech under {@link #ROUTE_PREFIX}, fetched and converted {@code <Play>} media under
 * {@link #PLAY_ROUTE_PREFIX}. When a sounds directory shared with Asterisk is configured, the file
 * is placed there instead and played by path, with no HTTP round trip.
 */
public final class SpeechMedia {
    public static final String ROUTE_PREFIX = "/media/tts/";
    public static final String PLAY_ROUTE_PREFIX = "/media/play/";

    private final TtsEngine engine;
    private final String publicBaseUrl;
    private final Vertx vertx;
    private final Path soundsDir;
    private final PlayMediaCache playMedia;
    private final MediaGrants grants;

    /** @param soundsDir a directory Asterisk reads at the same path, or null to serve speech over HTTP */
    public SpeechMedia(TtsEngine engine, String publicBaseUrl, Vertx vertx, Path soundsDir) {
        this(engine, publicBaseUrl, vertx, soundsDir, null);
    }

    /** @param playMedia fetches and converts {@code <Play>} URLs; null hands them to Asterisk's own media cache */
    public SpeechMedia(TtsEngine engine, String publicBaseUrl, Vertx vertx, Path soundsDir, PlayMediaCache playMedia) {
        this(engine, publicBaseUrl, vertx, soundsDir, playMedia, new MediaGrants(Duration.ofHours(1)));
    }

    /** @param grants told of every media path handed to the PBX, so the media route serves it for a while */
    public SpeechMedia(TtsEngine engine, String publicBaseUrl, Vertx vertx, Path soundsDir, PlayMediaCache playMedia,
                       MediaGrants grants) {
        this.grants = grants;
        this.engine = engine;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        this.vertx = vertx;
        this.soundsDir = soundsDir == null ? null : soundsDir.toAbsolutePath();
        this.playMedia = playMedia;
    }

    public Future<String> mediaFor(String text, String voice, String language) {
        return engine.synthesize(text, voice, language).compose(s -> deliver(ROUTE_PREFIX, s.id(), s.file()));
    }

    /**
     * The media URI for an http(s) {@code <Play>} URL: the converted copy, delivered as speech is.
     * Fails with {@link org.patchbay.core.media.MediaFailure} when it cannot be fetched or decoded.
     */
    public Future<String> mediaForUrl(String url) {
        if (playMedia == null) {
            return Future.succeededFuture("sound:" + url);
        }
        return playMedia.fetch(url).compose(media -> deliver(PLAY_ROUTE_PREFIX, media.id(), media.file()));
    }

    private Future<String> deliver(String routePrefix, String id, Path file) {
        if (soundsDir == null) {
            String path = routePrefix + id + ".wav";
            grants.grant(path);
            return Future.succeededFuture("sound:" + publicBaseUrl + path);
        }
        return vertx.executeBlocking(() -> placeInSoundsDir(id, file), false);
    }

    /** Asterisk finds {@code <path>.wav} for {@code sound:<path>}; a half-copied file is never visible under that name. */
    private String placeInSoundsDir(String id, Path file) throws Exception {
        Path target = soundsDir.resolve(id + ".wav");
        if (!Files.exists(target)) {
            Files.createDirectories(soundsDir);
            Path partial = Files.createTempFile(soundsDir, id, ".part");
            Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return "sound:" + soundsDir.resolve(id);
    }
}
