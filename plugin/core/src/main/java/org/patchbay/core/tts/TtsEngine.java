package org.patchbay.core.tts;

import io.vertx.core.Future;

/**
 * Turns text into audio Asterisk can play. Implementations cache by text, voice and language so
 * a prompt is synthesised once, and never block the event loop: one call's synthesis must not
 * hold up another call.
 */
public interface TtsEngine {

    /**
     * @param voice    the TwiML voice attribute (man, woman, alice, Polly.*, ...), may be null
     * @param language the TwiML language attribute (en-US, fr-FR, ...), may be null
     */
    Future<Speech> synthesize(String text, String voice, String language);

    /** The cached speech with this id, or null: how the media route finds a file to serve. */
    Speech cached(String id);
}
