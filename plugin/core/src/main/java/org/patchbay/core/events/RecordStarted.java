package org.patchbay.core.events;

import org.patchbay.core.call.CallRecord;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@code <Record>} started recording the caller. */
public record RecordStarted(CallRecord call, Instant time, String recordingSid, int maxLengthSeconds, String finishOnKey)
        implements CallEvent {
    public static final EventType TYPE = EventType.of("io.patchbay.call.record.started");

    @Override
    public EventType type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("recordingSid", recordingSid);
        data.put("maxLengthSeconds", maxLengthSeconds);
        data.put("finishOnKey", finishOnKey);
        return data;
    }
}
