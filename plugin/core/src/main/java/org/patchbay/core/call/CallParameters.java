package org.patchbay.core.call;

import java.util.LinkedHashMap;
import java.util.Map;

/** The parameters Twilio sends with every request about a call, in Twilio's order. */
public final class CallParameters {
    public static final String API_VERSION = "2010-04-01";

    private CallParameters() {
    }

    public static Map<String, String> of(CallRecord call) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", call.accountSid());
        params.put("ApiVersion", API_VERSION);
        params.put("CallSid", call.sid());
        params.put("CallStatus", call.status().wire());
        params.put("Called", nullToEmpty(call.to()));
        params.put("Caller", nullToEmpty(call.from()));
        params.put("Direction", call.direction().wire());
        params.put("From", nullToEmpty(call.from()));
        params.put("To", nullToEmpty(call.to()));
        if (call.callerName() != null && !call.callerName().isEmpty()) {
            params.put("CallerName", call.callerName());
        }
        if (call.forwardedFrom() != null) {
            params.put("ForwardedFrom", call.forwardedFrom());
        }
        if (call.parentCallSid() != null) {
            params.put("ParentCallSid", call.parentCallSid());
        }
        if (call.answeredBy() != null) {
            params.put("AnsweredBy", call.answeredBy());
        }
        return params;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
