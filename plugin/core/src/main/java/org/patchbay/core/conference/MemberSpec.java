package org.patchbay.core.conference;

import java.util.List;
import java.util.Set;

/**
 * How a call joins a conference, from its {@code <Conference>} noun.
 *
 * @param beep true, false, onEnter or onExit
 * @param statusCallbackEvents start, end, join, leave, mute (Twilio's names)
 * @param recordingStatusCallbackEvents which of in-progress, completed, absent the recording callback hears
 */
public record MemberSpec(
        String accountSid,
        String authToken,
        String name,
        boolean muted,
        String beep,
        boolean startConferenceOnEnter,
        boolean endConferenceOnExit,
        int maxParticipants,
        boolean record,
        String statusCallback,
        String statusCallbackMethod,
        Set<String> statusCallbackEvents,
        String recordingStatusCallback,
        String recordingStatusCallbackMethod,
        List<String> recordingStatusCallbackEvents) {

    /** The spec after the REST API changed the participant: its mute, exit beep and endConferenceOnExit. */
    MemberSpec with(boolean newMuted, String newBeep, boolean newEndConferenceOnExit) {
        return new MemberSpec(accountSid, authToken, name, newMuted, newBeep, startConferenceOnEnter, newEndConferenceOnExit,
                maxParticipants, record, statusCallback, statusCallbackMethod, statusCallbackEvents,
                recordingStatusCallback, recordingStatusCallbackMethod, recordingStatusCallbackEvents);
    }

    /** The beep setting with exit beeps turned on or off, keeping the entry beep as it was. */
    String beepWithExit(boolean onExit) {
        boolean onEnter = beepsOnEnter();
        if (onEnter) {
            return onExit ? "true" : "onEnter";
        }
        return onExit ? "onExit" : "false";
    }

    boolean beepsOnEnter() {
        return "true".equals(beep) || "onEnter".equals(beep);
    }

    boolean beepsOnExit() {
        return "true".equals(beep) || "onExit".equals(beep);
    }
}
