package org.patchbay.core.limits.memory;

import io.vertx.core.Future;
import org.patchbay.core.limits.CallPacer;

import java.util.HashMap;
import java.util.Map;

/** The pacer of a single node: the same booking rule as the Redis script (pace.lua), on this process's clock. */
public final class MemoryCallPacer implements CallPacer {
    /** Per key: the theoretical time of the next start, in nanoseconds of {@link System#nanoTime()}. */
    private final Map<String, Long> nextStart = new HashMap<>();

    @Override
    public synchronized Future<Long> tryStart(String key, int perSecond) {
        long now = System.nanoTime();
        long interval = 1_000_000_000L / perSecond;
        Long due = nextStart.get(key);
        if (due != null && now < due) {
            return Future.succeededFuture(Math.max(1, (due - now + 999_999) / 1_000_000));
        }
        long from = due == null || now - due > interval / 10 ? now : due;
        nextStart.put(key, from + interval);
        return Future.succeededFuture(0L);
    }
}
