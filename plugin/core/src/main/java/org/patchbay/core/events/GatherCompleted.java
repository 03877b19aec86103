package org.patchbay.core.events;

import org.patchbay.core.call.CallRecord;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@code <Gather>} ended: the keys pressed (empty when none came before the timeout) and the key that ended it. */
public record GatherCompleted(CallRecord call, Instant time, String digits, String finishedOnKey) implements CallEvent {
    public static final EventType TYPE = EventType.of("io.patchbay.call.gather.completed");

    @Override
    public EventType type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("digits", digits);
        data.put("finishedOnKey", finishedOnKey);
        return data;
    }
}
