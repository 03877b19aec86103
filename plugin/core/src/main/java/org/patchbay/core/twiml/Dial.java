package org.patchbay.core.twiml;

import java.util.List;

/**
 * Connects the caller to other parties. Plain text inside {@code <Dial>} becomes one {@link DialNumber}.
 *
 * @param recordingStatusCallbackEvent which of {@code in-progress}, {@code completed}, {@code absent} the
 *               recording callback hears
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
        List<DialNoun> nouns,
        List<String> recordingStatusCallbackEvent) implements Verb {

    /** Twilio calls the recording callback only when the recording is {@code completed} unless asked for more. */
    public static final List<String> DEFAULT_RECORDING_EVENTS = List.of("completed");

    public Dial(String action, String method, int timeoutSeconds, String callerId, String record, int timeLimitSeconds,
                boolean hangupOnStar, boolean answerOnBridge, String ringTone, String recordingStatusCallback,
                String recordingStatusCallbackMethod, List<DialNoun> nouns) {
        this(action, method, timeoutSeconds, callerId, record, timeLimitSeconds, hangupOnStar, answerOnBridge, ringTone,
                recordingStatusCallback, recordingStatusCallbackMethod, nouns, DEFAULT_RECORDING_EVENTS);
    }
}
