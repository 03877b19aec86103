package org.patchbay.core.events;

import org.patchbay.core.call.CallRecord;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@code <Record>} ended: its recording, how long it is, and what ended it ({@code digits}: the key, or {@code hangup}). */
public record RecordCompleted(CallRecord call, Instant time, String recordingSid, int durationSeconds, String digits) implements CallEvent {
    public static final EventType TYPE = EventType.of("io.patchbay.call.record.completed");

    @Override
    public EventType type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("recordingSid", recordingSid);
        data.put("durationSeconds", durationSeconds);
        data.put("digits", digits);
        return data;
    }
}
