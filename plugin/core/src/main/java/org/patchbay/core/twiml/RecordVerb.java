package org.patchbay.core.twiml;

import java.util.List;

/**
 * TwiML {@code <Record>} (named so to stay clear of {@link java.lang.Record}).
 *
 * @param timeoutSeconds silence that ends the recording; 0 disables
 * @param finishOnKey    keys that end the recording; empty disables
 * @param trim           {@code trim-silence} or {@code do-not-trim}
 */
public record RecordVerb(
        String action,
        String method,
        int timeoutSeconds,
        String finishOnKey,
        int maxLengthSeconds,
        boolean playBeep,
        String trim,
        String recordingStatusCallback,
        String recordingStatusCallbackMethod,
        List<String> recordingStatusCallbackEvent) implements Verb {
}
