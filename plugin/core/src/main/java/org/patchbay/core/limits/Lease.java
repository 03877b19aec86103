package org.patchbay.core.limits;

import java.time.Duration;
import java.util.List;

/**
 * Slots taken together in several counts under one id, given back together. Each slot expires
 * {@code ttl} after it was taken or last renewed, so a node that dies holding it frees it by itself.
 */
public record Lease(String id, List<String> keys, Duration ttl) {

    public Lease {
        keys = List.copyOf(keys);
    }
}
