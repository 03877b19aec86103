package org.patchbay.core.node;

import org.patchbay.core.call.CallStatus;

import java.util.Map;

/**
 * A change to a live call asked for through the REST API, as one node hands it to the node that
 * runs the call.
 *
 * @param kind   {@code redirect} (url, method), {@code twiml} (twiml) or {@code end} (status), or a change
 *               to the room the call is in ({@code conference-end}, {@code participant-change},
 *               {@code participant-kick}, {@code member-redirect}), or a Streams request ({@code stream-start},
 *               {@code stream-stop}), with its parameters in {@code args}
 */
public record CallCommand(String kind, String accountSid, String callSid, String url, String method, String twiml,
                          String status, Map<String, String> args) {

    public CallCommand {
        args = args == null ? Map.of() : Map.copyOf(args);
    }

    public static CallCommand redirect(String accountSid, String callSid, String url, String method) {
        return new CallCommand("redirect", accountSid, callSid, url, method, null, null, Map.of());
    }

    public static CallCommand twiml(String accountSid, String callSid, String twiml) {
        return new CallCommand("twiml", accountSid, callSid, null, null, twiml, null, Map.of());
    }

    public static CallCommand end(String accountSid, String callSid, CallStatus status) {
        return new CallCommand("end", accountSid, callSid, null, null, null, status.wire(), Map.of());
    }

    /** A Streams request on the call {@code callSid}, carried out by the node that runs the call. */
    public static CallCommand stream(String kind, String accountSid, String callSid, Map<String, String> args) {
        return new CallCommand(kind, accountSid, callSid, null, null, null, null, args);
    }

    /** A change to the room of the call {@code callSid}, carried out by the node that runs the call. */
    public static CallCommand room(String kind, String accountSid, String callSid, Map<String, String> args) {
        return new CallCommand(kind, accountSid, callSid, null, null, null, null, args);
    }
}
