package org.patchbay.core.conference;

import java.util.Set;

/**
 * How a call joins a conference, from its {@code <Conference>} noun.
 *
 * @param beep true, false, onEnter or onExit
 * @param statusCallbackEvents start, end, join, leave, mute (Twilio's names)
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
        String recordingStatusCallbackMethod) {

    boolean beepsOnEnter() {
        return "true".equals(beep) || "onEnter".equals(beep);
    }

    boolean beepsOnExit() {
        return "true".equals(beep) || "onExit".equals(beep);
    }
}
