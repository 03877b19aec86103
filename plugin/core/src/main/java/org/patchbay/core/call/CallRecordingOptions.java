package org.patchbay.core.call;

import java.util.List;

/**
 * {@code POST /Calls} with {@code Record=true}: how the call is recorded, from answer to hang-up.
 *
 * @param channels       1 (mono, both parties mixed) or 2 (dual), as {@code RecordingChannels}
 * @param statusCallback {@code RecordingStatusCallback}, or null
 * @param events         {@code RecordingStatusCallbackEvent}: which of in-progress, completed, absent are sent
 */
public record CallRecordingOptions(int channels, String statusCallback, String statusCallbackMethod, List<String> events) {
    public static final List<String> DEFAULT_EVENTS = List.of("completed");

    public CallRecordingOptions {
        events = List.copyOf(events);
    }

    public static CallRecordingOptions defaults() {
        return new CallRecordingOptions(1, null, "POST", DEFAULT_EVENTS);
    }
}
