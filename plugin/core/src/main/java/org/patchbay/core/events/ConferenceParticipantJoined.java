package org.patchbay.core.events;

import org.patchbay.core.call.CallRecord;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A call joined a conference (or waits in it for the moderator: {@code waiting}). */
public record ConferenceParticipantJoined(CallRecord call, Instant time, String conferenceName, boolean muted, boolean waiting) implements CallEvent {
    public static final EventType TYPE = EventType.of("io.patchbay.conference.participant.joined");

    @Override
    public EventType type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conferenceName", conferenceName);
        data.put("muted", muted);
        data.put("waiting", waiting);
        return data;
    }
}
