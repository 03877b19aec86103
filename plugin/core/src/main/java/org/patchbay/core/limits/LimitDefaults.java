package org.patchbay.core.limits;

import java.time.Duration;
import java.util.Map;

/**
 * The configured thresholds, for accounts that have none of their own, and how slots behave.
 *
 * @param apiConcurrency  API requests in flight per account (0 = unlimited)
 * @param apiByResource   API requests in flight per account and resource type, e.g. {@code Calls}
 * @param concurrentCalls live calls per account (0 = unlimited)
 * @param callsPerSecond  API-created calls started per second per account (0 = unlimited)
 * @param lease           how long a slot lives without renewal
 * @param queueTimeout    how long an API-created call may wait queued for a slot before it fails
 */
public record LimitDefaults(int apiConcurrency, Map<String, Integer> apiByResource, int concurrentCalls, int callsPerSecond,
                            RedisDownPolicy redisDown, Duration lease, Duration queueTimeout) {
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);
    public static final Duration DEFAULT_QUEUE_TIMEOUT = Duration.ofMinutes(5);

    public LimitDefaults {
        apiByResource = Map.copyOf(apiByResource);
    }

    /** What Patchbay uses when nothing is configured. */
    public static LimitDefaults standard() {
        return new LimitDefaults(100, Map.of(), 0, 0, RedisDownPolicy.OPEN, DEFAULT_LEASE, DEFAULT_QUEUE_TIMEOUT);
    }
}
