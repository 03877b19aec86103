package org.patchbay.core.twiml;

import java.util.List;

/**
 * @param beep {@code true}, {@code false}, {@code onEnter} or {@code onExit}
 * @param waitUrl empty string means silence; null means the default hold music
 */
public record DialConference(
        String name,
        boolean muted,
        String beep,
        boolean startConferenceOnEnter,
        boolean endConferenceOnExit,
        String waitUrl,
        String waitMethod,
        int maxParticipants,
        String record,
        String trim,
        String statusCallback,
        String statusCallbackMethod,
        List<String> statusCallbackEvent,
        String recordingStatusCallback,
        String recordingStatusCallbackMethod,
        List<String> recordingStatusCallbackEvent) implements DialNoun {

    public DialConference(String name, boolean muted, String beep, boolean startConferenceOnEnter, boolean endConferenceOnExit,
                          String waitUrl, String waitMethod, int maxParticipants, String record, String trim,
                          String statusCallback, String statusCallbackMethod, List<String> statusCallbackEvent,
                          String recordingStatusCallback, String recordingStatusCallbackMethod) {
        this(name, muted, beep, startConferenceOnEnter, endConferenceOnExit, waitUrl, waitMethod, maxParticipants, record,
                trim, statusCallback, statusCallbackMethod, statusCallbackEvent, recordingStatusCallback,
                recordingStatusCallbackMethod, Dial.DEFAULT_RECORDING_EVENTS);
    }
}
