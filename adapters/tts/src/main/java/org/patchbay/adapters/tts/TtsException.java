package org.patchbay.adapters.tts;

/** Why a prompt could not be synthesised: bad input, espeak-ng failing, or the cache not writable. */
public class TtsException extends RuntimeException {

    public TtsException(String message) {
        super(message);
    }

    public TtsException(String message, Throwable cause) {
        super(message, cause);
    }
}
