package org.patchbay.server.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.patchbay.adapters.http.HttpClientSettings;
import org.patchbay.adapters.tts.SpeechIdKey;
import org.patchbay.core.media.PlayMediaCache;
import org.patchbay.core.tts.SpeechMedia;
import org.patchbay.core.tts.TtsEngine;
import org.patchbay.server.config.PatchbayConfig;

import java.util.List;
import java.util.function.Supplier;

/**
 * The media Patchbay makes for Asterisk, wired in one place: the {@code <Play>} conversion cache
 * (null without a decoder), who may fetch from the media routes ({@link MediaAccess}), and the
 * routes themselves. Kept out of {@code Patchbay} so the wiring there stays one line per subsystem.
 */
public final class MediaWiring {
    private final PlayMediaCache playMedia;
    private final MediaAccess access;

    private MediaWiring(PlayMediaCache playMedia, MediaAccess access) {
        this.playMedia = playMedia;
        this.access = access;
    }

    /** A bad media setting fails here, naming it. */
    public static MediaWiring create(Vertx vertx, PatchbayConfig config, HttpClientSettings outbound, SpeechIdKey mediaKey,
                                     List<Supplier<Future<?>>> closers) {
        MediaAccess access = MediaAccess.from(config.settings());
        return new MediaWiring(PlayMediaWiring.create(vertx, config, outbound, mediaKey, closers), access);
    }

    /** Turns prompts and {@code <Play>} URLs into media URIs, granting each one handed to the PBX. */
    public SpeechMedia speech(TtsEngine tts, String publicUrl, Vertx vertx, PatchbayConfig config) {
        return new SpeechMedia(tts, publicUrl, vertx, config.soundsDir(), playMedia, access.grants());
    }

    public void mount(Router router, TtsEngine tts) {
        new SpeechMediaRoute(tts, access).mount(router);
        if (playMedia != null) {
            SpeechMediaRoute.forPlayMedia(playMedia, access).mount(router);
        }
    }
}
