package org.patchbay.core.limits;

import java.util.Locale;

/** What the limits do while the shared limiter cannot be reached. */
public enum RedisDownPolicy {
    /** Admit, counting on this node alone. */
    OPEN,
    /** Refuse: 503 for API requests, busy for calls. */
    CLOSED;

    public static RedisDownPolicy parse(String raw) {
        return valueOf(raw.trim().toUpperCase(Locale.ROOT));
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
