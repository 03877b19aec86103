package org.patchbay.core.telephony;

/**
 * A live recording of a channel or bridge.
 *
 * @param maxDurationSeconds 0 for no limit
 * @param maxSilenceSeconds  0 for no limit
 * @param terminateOn        DTMF that stops the recording: none, any, *, #
 */
public record RecordRequest(
        String name,
        String format,
        int maxDurationSeconds,
        int maxSilenceSeconds,
        boolean beep,
        String terminateOn) {
}
