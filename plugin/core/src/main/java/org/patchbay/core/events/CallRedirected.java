package org.patchbay.core.events;

import org.patchbay.core.call.CallRecord;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A live call was given new instructions through the REST API (a URL, or TwiML inline when {@code url}
 * is null): Twilio's {@code com.twilio.voice.twiml.call.redirected}.
 */
public record CallRedirected(CallRecord call, Instant time, String url, String method) implements CallEvent {
    public static final EventType TYPE = EventType.of("com.twilio.voice.twiml.call.redirected");

    @Override
    public EventType type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("CallSid", call.sid());
        data.put("AccountSid", call.accountSid());
        data.put("Url", url == null ? "" : url);
        data.put("Method", method == null ? "" : method);
        return data;
    }
}
