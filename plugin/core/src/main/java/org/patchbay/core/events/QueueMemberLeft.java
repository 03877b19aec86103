package org.patchbay.core.events;

import org.patchbay.core.call.CallRecord;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A call left a queue: {@code result} is its QueueResult (bridged, leave, hangup), after {@code waitSeconds}. */
public record QueueMemberLeft(CallRecord call, Instant time, String queueName, String queueSid, String result, long waitSeconds) implements CallEvent {
    public static final EventType TYPE = EventType.of("io.patchbay.queue.member.left");

    @Override
    public EventType type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("queueName", queueName);
        data.put("queueSid", queueSid);
        data.put("result", result);
        data.put("waitSeconds", waitSeconds);
        return data;
    }
}
