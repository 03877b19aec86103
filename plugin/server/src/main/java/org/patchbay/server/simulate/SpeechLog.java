package org.patchbay.server.simulate;

import io.vertx.core.Future;
import org.patchbay.core.tts.Speech;
import org.patchbay.core.tts.SpeechMedia;
import org.patchbay.core.tts.TtsEngine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wraps the speech engine to remember what each synthesised prompt said, so a media URI the caller
 * heard ({@code .../media/tts/<id>.wav}) can be told as the Say it came from: in the simulate
 * transcript and in the sandbox's {@code heard} list.
 */
public final class SpeechLog implements TtsEngine {

    /** The Say a prompt was made from; voice and language as the TwiML gave them (null when absent). */
    public record Spoken(String text, String voice, String language) {
    }

    private final TtsEngine engine;
    private final Map<String, Spoken> byId = new ConcurrentHashMap<>();

    public SpeechLog(TtsEngine engine) {
        this.engine = engine;
    }

    @Override
    public Future<Speech> synthesize(String text, String voice, String language) {
        return engine.synthesize(text, voice, language)
                .onSuccess(speech -> byId.put(speech.id(), new Spoken(text, voice, language)));
    }

    @Override
    public Speech cached(String id) {
        return engine.cached(id);
    }

    /** The Say behind a media URI, or null when the URI is not synthesised speech. */
    public Spoken spokenIn(String mediaUri) {
        int at = mediaUri.indexOf(SpeechMedia.ROUTE_PREFIX);
        if (at < 0 || !mediaUri.endsWith(".wav")) {
            return null;
        }
        return byId.get(mediaUri.substring(at + SpeechMedia.ROUTE_PREFIX.length(), mediaUri.length() - 4));
    }
}
