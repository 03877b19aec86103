package org.patchbay.core.limits.memory;

import io.vertx.core.Future;
import org.patchbay.core.limits.CallPacer;

import java.util.HashMap;
import java.util.Map;

/** The pacer of a single node: the same reservation rule as the Redis script, on this process's clock. */
public final class MemoryCallPacer implements CallPacer {
    /** Per key: the theoretical arrival time of the next start, in nanoseconds of {@link System#nanoTime()}. */
    private final Map<String, Long> nextStart = new HashMap<>();

    @Override
    public synchronized Future<Long> reserve(String key, int perSecond) {
        long now = System.nanoTime();
        long interval = 1_000_000_000L / perSecond;
        long start = Math.max(nextStart.getOrDefault(key, now), now);
        nextStart.put(key, start + interval);
        return Future.succeededFuture((start - now) / 1_000_000L);
    }
}
