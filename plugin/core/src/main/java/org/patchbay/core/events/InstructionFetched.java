package org.patchbay.core.events;

import org.patchbay.core.call.CallRecord;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Patchbay asked an application for a call's instructions, with what it sent and how it went.
 *
 * @param httpStatus the application's HTTP status, or null when no response came
 * @param errorCode  the Twilio error code of a failed fetch (11200, 12100, …), or null when it succeeded
 */
public record InstructionFetched(CallRecord call, Instant time, String url, String method, Map<String, String> parameters,
                                 Integer httpStatus, Integer errorCode, String error, long durationMillis) implements CallEvent {
    public static final EventType TYPE = EventType.of("io.patchbay.call.instruction.fetched");

    public InstructionFetched {
        parameters = Map.copyOf(parameters);
    }

    public boolean failed() {
        return errorCode != null;
    }

    @Override
    public EventType type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("url", url);
        data.put("method", method);
        data.put("parameters", new LinkedHashMap<>(parameters));
        data.put("httpStatus", httpStatus);
        data.put("errorCode", errorCode);
        data.put("error", error);
        data.put("durationMillis", durationMillis);
        return data;
    }
}
