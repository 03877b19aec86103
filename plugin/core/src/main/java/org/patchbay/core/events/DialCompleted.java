package org.patchbay.core.events;

import org.patchbay.core.call.CallRecord;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@code <Dial>} ended; {@code result} holds what its action is told (DialCallStatus, DialCallSid, DialCallDuration, DialBridged, …). */
public record DialCompleted(CallRecord call, Instant time, Map<String, String> result) implements CallEvent {
    public static final EventType TYPE = EventType.of("io.patchbay.call.dial.completed");

    public DialCompleted {
        result = Map.copyOf(result);
    }

    @Override
    public EventType type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.putAll(result);
        return data;
    }
}
