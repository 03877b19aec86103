package org.patchbay.server.api.participants;

import org.patchbay.core.twiml.XmlText;
import org.patchbay.core.call.CallApp;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.livecall.OutboundCall;
import org.patchbay.server.api.calls.PartyAddress;
import org.patchbay.server.api.http.Params;

import java.util.Set;

/**
 * Reads {@code POST /Conferences/{ConferenceSid}/Participants} into an outbound call whose TwiML, once
 * the callee answers, is the {@code <Dial><Conference>} those parameters describe: the callee joins the
 * room as any caller of that noun does (and opens it when it is not running yet).
 */
final class ParticipantCreation {
    private static final Set<String> CALL_EVENTS = Set.of("initiated", "ringing", "answered", "completed");
    private static final Set<String> CONFERENCE_EVENTS = Set.of("start", "end", "join", "leave", "mute", "hold");
    private static final Set<String> BEEPS = Set.of("true", "false", "onEnter", "onExit");
    static final int MAX_LABEL = 128;

    /** The call to place, and what the API answers about the participant before it has joined. */
    record Dialled(OutboundCall call, String label, boolean muted, boolean startConferenceOnEnter,
                   boolean endConferenceOnExit, int timeoutSeconds) {
    }

    private ParticipantCreation() {
    }

    static Dialled read(String accountSid, String conferenceName, Params params) {
        String to = params.required("To", ErrorCode.MISSING_TO, "Required parameter To is missing");
        if (!PartyAddress.isValid(to)) {
            throw PatchbayException.badRequest(ErrorCode.INVALID_TO, "Invalid 'To' Phone Number: " + Params.shorten(to));
        }
        String from = params.required("From", ErrorCode.MISSING_FROM, "A 'From' phone number is required");
        if (!PartyAddress.isValid(from)) {
            throw PatchbayException.badRequest(ErrorCode.INVALID_FROM, "Invalid 'From' Phone Number: " + Params.shorten(from));
        }
        String statusCallback = blankToNull(params.url("StatusCallback"));
        String statusCallbackMethod = params.method("StatusCallbackMethod");
        Set<String> callEvents = params.words("StatusCallbackEvent", CALL_EVENTS, among(CALL_EVENTS));
        Integer timeout = params.integer("Timeout", 5, 600);
        String label = blankToNull(params.text("Label", MAX_LABEL));
        boolean muted = Boolean.TRUE.equals(params.bool("Muted"));
        String beep = params.choice("Beep", BEEPS);
        Boolean startOnEnter = params.bool("StartConferenceOnEnter");
        boolean endOnExit = Boolean.TRUE.equals(params.bool("EndConferenceOnExit"));
        params.bool("EarlyMedia");
        String waitUrl = params.url("WaitUrl");
        String waitMethod = params.method("WaitMethod");
        Integer maxParticipants = params.integer("MaxParticipants", 2, 250);
        String conferenceCallback = blankToNull(params.url("ConferenceStatusCallback"));
        String conferenceCallbackMethod = params.method("ConferenceStatusCallbackMethod");
        Set<String> conferenceEvents = params.words("ConferenceStatusCallbackEvent", CONFERENCE_EVENTS, among(CONFERENCE_EVENTS));

        StringBuilder noun = new StringBuilder("<Conference");
        attribute(noun, "muted", Boolean.toString(muted));
        attribute(noun, "beep", beep);
        attribute(noun, "startConferenceOnEnter", startOnEnter == null ? null : startOnEnter.toString());
        attribute(noun, "endConferenceOnExit", Boolean.toString(endOnExit));
        attribute(noun, "waitUrl", waitUrl);
        attribute(noun, "waitMethod", waitMethod);
        attribute(noun, "maxParticipants", maxParticipants == null ? null : maxParticipants.toString());
        attribute(noun, "statusCallback", conferenceCallback);
        attribute(noun, "statusCallbackMethod", conferenceCallbackMethod);
        attribute(noun, "statusCallbackEvent", conferenceEvents.isEmpty() ? null : String.join(" ", conferenceEvents));
        String twiml = "<Response><Dial>" + noun + ">" + XmlText.escape(conferenceName) + "</Conference></Dial></Response>";
        int ring = timeout == null ? 60 : timeout;
        CallApp app = new CallApp(null, null, null, null, statusCallback, statusCallbackMethod, callEvents);
        return new Dialled(new OutboundCall(accountSid, to, from, null, app, twiml, ring, 0, null, false),
                label, muted, startOnEnter == null || startOnEnter, endOnExit, ring);
    }

    private static void attribute(StringBuilder noun, String name, String value) {
        if (value != null) {
            noun.append(' ').append(name).append("=\"").append(XmlText.escape(value)).append('"');
        }
    }

    private static String among(Set<String> allowed) {
        return String.join(", ", allowed.stream().sorted().toList());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
