package org.patchbay.core.events;

import org.patchbay.core.call.CallRecord;

import java.time.Instant;
import java.util.Map;

/** A call started running one TwiML verb ({@code Say}, {@code Gather}, {@code Dial}, …): what it is doing now. */
public record VerbStarted(CallRecord call, Instant time, String verb) implements CallEvent {
    public static final EventType TYPE = EventType.of("io.patchbay.call.verb.started");

    @Override
    public EventType type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> data() {
        return Map.of("verb", verb);
    }
}
