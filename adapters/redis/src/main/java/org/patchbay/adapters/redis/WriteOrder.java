package org.patchbay.adapters.redis;

import io.vertx.core.Future;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Writes to one record reach Redis in the order this node issued them. The client spreads commands
 * over a pool of connections, so a call's "ringing" and "in-progress" writes could otherwise land
 * the wrong way round and leave a stale status behind; each write to a key waits for the one before.
 */
public final class WriteOrder {
    private final ConcurrentHashMap<String, Future<?>> last = new ConcurrentHashMap<>();

    public <T> Future<T> after(String key, Supplier<Future<T>> write) {
        @SuppressWarnings("unchecked")
        Future<T>[] mine = new Future[1];
        last.compute(key, (k, previous) -> {
            mine[0] = previous == null ? write.get() : previous.transform(done -> write.get());
            return mine[0];
        });
        mine[0].onComplete(done -> last.remove(key, mine[0]));
        return mine[0];
    }
}
