package org.patchbay.core.events;

import org.patchbay.core.call.CallRecord;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A call left a conference it had joined; {@code reason} is what its Dial action is told (completed, hangup, failed). */
public record ConferenceParticipantLeft(CallRecord call, Instant time, String conferenceName, String reason) implements CallEvent {
    public static final EventType TYPE = EventType.of("io.patchbay.conference.participant.left");

    @Override
    public EventType type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conferenceName", conferenceName);
        data.put("reason", reason);
        return data;
    }
}
