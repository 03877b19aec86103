package org.patchbay.core.twiml;

import java.util.List;

/**
 * Connects the caller to other parties. Plain text inside {@code <Dial>} becomes one {@link DialNumber}.
 *
 * @param record {@code do-not-record}, {@code record-from-answer}, {@code record-from-ringing},
 *               {@code record-from-answer-dual}, {@code record-from-ringing-dual}
 */
public record Dial(
        String action,
        String method,
        int timeoutSeconds,
        String callerId,
        String record,
        int timeLimitSeconds,
        boolean hangupOnStar,
        boolean answerOnBridge,
        String ringTone,
        String recordingStatusCallback,
        String recordingStatusCallbackMethod,
        List<DialNoun> nouns) implements Verb {
}
