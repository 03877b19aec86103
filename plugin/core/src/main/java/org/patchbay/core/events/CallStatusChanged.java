package org.patchbay.core.events;

import org.patchbay.core.call.CallRecord;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A call reached a status its status callback reports ({@code initiated}, {@code ringing},
 * {@code answered}, {@code completed}); named and shaped as Twilio's Event Streams
 * {@code com.twilio.voice.status-callback.call.*}: the data is the status callback's parameters.
 *
 * @param progress   the status callback event name
 * @param parameters what a status callback request carries (CallSid, CallStatus, From, To, …)
 */
public record CallStatusChanged(CallRecord call, String progress, Instant time, Map<String, String> parameters)
        implements CallEvent {
    public static final String PREFIX = "com.twilio.voice.status-callback.call.";

    public CallStatusChanged {
        parameters = Map.copyOf(parameters);
    }

    @Override
    public EventType type() {
        return EventType.of(PREFIX + progress);
    }

    @Override
    public Map<String, Object> data() {
        return new LinkedHashMap<>(parameters);
    }
}
