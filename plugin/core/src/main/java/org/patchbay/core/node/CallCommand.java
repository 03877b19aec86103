package org.patchbay.core.node;

import org.patchbay.core.call.CallStatus;

/**
 * A change to a live call asked for through the REST API, as one node hands it to the node that
 * runs the call.
 *
 * @param kind   {@code redirect} (url, method), {@code twiml} (twiml) or {@code end} (status)
 */
public record CallCommand(String kind, String accountSid, String callSid, String url, String method, String twiml,
                          String status) {

    public static CallCommand redirect(String accountSid, String callSid, String url, String method) {
        return new CallCommand("redirect", accountSid, callSid, url, method, null, null);
    }

    public static CallCommand twiml(String accountSid, String callSid, String twiml) {
        return new CallCommand("twiml", accountSid, callSid, null, null, twiml, null);
    }

    public static CallCommand end(String accountSid, String callSid, CallStatus status) {
        return new CallCommand("end", accountSid, callSid, null, null, null, status.wire());
    }
}
