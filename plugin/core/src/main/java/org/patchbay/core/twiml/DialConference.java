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
        String recordingStatusCallbackMethod) implements DialNoun {
}
