package org.patchbay.core.events;

import java.util.List;

/** The catalog's entries for the events of calls. */
final class CallEventDescriptions {
    private static final String STATUS_CALLBACK_SCHEMA = "com.twilio.voice.status-callback.call";

    static final List<EventDescription> ALL = List.of(
            statusCallback("initiated", "A call was created and starts dialling or ringing into Patchbay.",
                    "when Patchbay starts an outbound call, or an inbound call enters the Stasis app"),
            statusCallback("ringing", "A call's destination is ringing.",
                    "when the dialled party starts ringing"),
            statusCallback("answered", "A call was answered.",
                    "when the call is answered (by Patchbay for inbound calls, by the callee for outbound ones)"),
            statusCallback("completed", "A call ended, whatever its final status (completed, busy, no-answer, failed, canceled).",
                    "when the call's last channel is gone; data carries CallDuration and Duration"),
            EventDescription.of(CallRedirected.TYPE, "A live call was given new instructions through the REST API.",
                    "when POST Calls/{Sid} with Url or Twiml redirects a call in progress"),
            EventDescription.of(InstructionFetched.TYPE, "Patchbay fetched a call's instructions from its application.",
                    "after each fetch of a voice, action or fallback URL, with its HTTP status, error code and duration"),
            EventDescription.of(GatherStarted.TYPE, "A <Gather> has played its prompts and waits for keys.",
                    "when a <Gather> starts listening"),
            EventDescription.of(RecordStarted.TYPE, "A <Record> started recording the caller.",
                    "when a <Record> verb begins recording"),
            EventDescription.of(VerbStarted.TYPE, "A call started running one TwiML verb (its data names the verb).",
                    "before each verb of a call's TwiML runs"));

    private CallEventDescriptions() {
    }

    private static EventDescription statusCallback(String progress, String description, String when) {
        return new EventDescription(EventType.of(CallStatusChanged.PREFIX + progress), STATUS_CALLBACK_SCHEMA,
                description, when);
    }
}
