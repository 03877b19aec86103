package org.patchbay.core.call;

import java.time.Instant;
import java.util.Map;

/**
 * A change in a call's life, published on the Vert.x event bus at {@link #ADDRESS} for the event
 * router, usage meter and anyone else listening in this process.
 *
 * @param type    a status change (initiated, ringing, answered, completed) or an activity of the call:
 *                {@code fetch} (an instruction request and its outcome), {@code gather} (Patchbay now
 *                waits for keys), {@code record} (a recording started)
 * @param details what the activity was about (URL, status, error code, ...); empty for status changes
 */
public record CallEvent(String type, CallRecord call, Instant at, Map<String, String> details) {
    public static final String ADDRESS = "patchbay.call-events";

    public CallEvent(String type, CallRecord call, Instant at) {
        this(type, call, at, Map.of());
    }
}
