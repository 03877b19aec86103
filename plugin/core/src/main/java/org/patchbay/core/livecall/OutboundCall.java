package org.patchbay.core.livecall;

import org.patchbay.core.call.CallApp;
import org.patchbay.core.call.CallRecordingOptions;

/**
 * A call the REST API asks for ({@code POST /Calls}): dial {@code to} and, once answered, run the
 * application's TwiML (or {@code twiml} given inline).
 *
 * @param app            voice URL, fallback and status callback settings (voiceUrl null when twiml is set)
 * @param twiml          an inline document, or null
 * @param timeoutSeconds how long to let it ring (Twilio: default 60, at most 600)
 * @param timeLimitSeconds longest the call may last once answered, or 0 for Twilio's 4 hours
 * @param sendDigits     DTMF to send once answered, or null
 * @param recording      how to record the call from answer ({@code Record=true}), or null
 */
public record OutboundCall(
        String accountSid,
        String to,
        String from,
        String callerName,
        CallApp app,
        String twiml,
        int timeoutSeconds,
        int timeLimitSeconds,
        String sendDigits,
        CallRecordingOptions recording) {

    /** With {@code record}, the call is recorded from answer with the defaults (mono, no callback). */
    public OutboundCall(String accountSid, String to, String from, String callerName, CallApp app, String twiml,
                        int timeoutSeconds, int timeLimitSeconds, String sendDigits, boolean record) {
        this(accountSid, to, from, callerName, app, twiml, timeoutSeconds, timeLimitSeconds, sendDigits,
                record ? CallRecordingOptions.defaults() : null);
    }
}
