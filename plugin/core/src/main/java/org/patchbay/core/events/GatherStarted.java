package org.patchbay.core.events;

import org.patchbay.core.call.CallRecord;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@code <Gather>} has played its prompts and now waits for keys. {@code numDigits} is null when any number ends it. */
public record GatherStarted(CallRecord call, Instant time, Integer numDigits, String finishOnKey, int timeoutSeconds)
        implements CallEvent {
    public static final EventType TYPE = EventType.of("io.patchbay.call.gather.started");

    @Override
    public EventType type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("numDigits", numDigits);
        data.put("finishOnKey", finishOnKey);
        data.put("timeoutSeconds", timeoutSeconds);
        return data;
    }
}
