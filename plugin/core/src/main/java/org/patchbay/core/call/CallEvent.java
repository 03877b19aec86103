package org.patchbay.core.call;

import java.time.Instant;

/**
 * A change in a call's life, published on the Vert.x event bus at {@link #ADDRESS} for the event
 * router, usage meter and anyone else listening in this process.
 *
 * @param type initiated, ringing, answered, completed (and later verb-level events)
 */
public record CallEvent(String type, CallRecord call, Instant at) {
    public static final String ADDRESS = "patchbay.call-events";
}
