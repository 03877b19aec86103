package org.patchbay.server.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.patchbay.adapters.http.FetchPolicy;
import org.patchbay.adapters.http.HttpClientSettings;
import org.patchbay.adapters.http.HttpMediaSource;
import org.patchbay.adapters.tts.FfmpegAudioDecoder;
import org.patchbay.adapters.tts.PlayMediaIds;
import org.patchbay.adapters.tts.SpeechIdKey;
import org.patchbay.core.media.PlayMediaCache;
import org.patchbay.server.config.PatchbayConfig;
import org.patchbay.server.config.Setting;
import org.patchbay.server.config.SettingValues;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds the {@code <Play>} media cache from the settings: downloads through {@link HttpMediaSource},
 * decoding by ffmpeg, files under {@code <dataDir>/media}. No decoder configured: none, and Asterisk
 * fetches {@code <Play>} URLs itself as before.
 */
public final class PlayMediaWiring {
    private static final Logger LOG = LoggerFactory.getLogger(PlayMediaWiring.class);
    private static final long MIB = 1024L * 1024L;
    private static final Duration DECODE_TIMEOUT = Duration.ofSeconds(60);

    private PlayMediaWiring() {
    }

    /**
     * The cache, or null when {@code PATCHBAY_MEDIA_DECODER} is empty. Files an earlier run left
     * are deleted in the background: their ids died with that run's index.
     *
     * @param outbound the HTTP client settings every account URL is fetched with (the outbound request policy)
     * @param mediaKey the key media ids are made with, as speech ids are
     */
    public static PlayMediaCache create(Vertx vertx, PatchbayConfig config, HttpClientSettings outbound,
                                        SpeechIdKey mediaKey, List<Supplier<Future<?>>> closers) {
        SettingValues settings = config.settings();
        String decoder = settings.get(Setting.MEDIA_DECODER);
        if (decoder == null || decoder.isBlank()) {
            return null;
        }
        int maxMib = settings.integer(Setting.MEDIA_MAX_SIZE, 1, 1024);
        int cacheMib = settings.integer(Setting.MEDIA_CACHE_SIZE, 1, 1024 * 1024);
        HttpMediaSource source = new HttpMediaSource(vertx, outbound, FetchPolicy.TWILIO_DEFAULTS, (int) (maxMib * MIB));
        closers.add(source::close);
        PlayMediaCache cache = new PlayMediaCache(vertx, source, new FfmpegAudioDecoder(vertx, decoder.trim(), DECODE_TIMEOUT),
                PlayMediaIds.keyedWith(mediaKey), config.dataDir().resolve("media"), cacheMib * MIB);
        cache.removeLeftovers().onFailure(e -> LOG.warn("could not clear {}: {}", config.dataDir().resolve("media"), e.getMessage()));
        return cache;
    }
}
