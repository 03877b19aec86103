package org.patchbay.core.events;

import org.patchbay.core.call.CallRecord;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A call was placed in a queue at {@code position} (1 = next). */
public record QueueMemberJoined(CallRecord call, Instant time, String queueName, String queueSid, int position) implements CallEvent {
    public static final EventType TYPE = EventType.of("io.patchbay.queue.member.joined");

    @Override
    public EventType type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("queueName", queueName);
        data.put("queueSid", queueSid);
        data.put("position", position);
        return data;
    }
}
