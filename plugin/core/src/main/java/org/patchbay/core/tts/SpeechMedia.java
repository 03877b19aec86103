package org.patchbay.core.tts;

import io.vertx.core.Future;

/**
 * Turns text into a media URI Asterisk can play: the engine synthesises (or finds cached) audio,
 * which Patchbay serves under its public URL as a {@code .wav} file (Asterisk's HTTP media cache
 * plays only paths ending in .wav, and the long hash keeps the URL above Asterisk 22.10.1's
 * 28-character minimum).
 */
public final class SpeechMedia {
    public static final String ROUTE_PREFIX = "/media/tts/";

    private final TtsEngine engine;
    private final String publicBaseUrl;

    public SpeechMedia(TtsEngine engine, String publicBaseUrl) {
        this.engine = engine;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    public Future<String> mediaFor(String text, String voice, String language) {
        return engine.synthesize(text, voice, language)
                .map(speech -> "sound:" + publicBaseUrl + ROUTE_PREFIX + speech.id() + ".wav");
    }

    public TtsEngine engine() {
        return engine;
    }
}
