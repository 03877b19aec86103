package org.patchbay.core.limits.memory;

import io.vertx.core.Future;
import org.patchbay.core.limits.Admission;
import org.patchbay.core.limits.Counter;
import org.patchbay.core.limits.CounterState;
import org.patchbay.core.limits.Lease;
import org.patchbay.core.limits.Limiter;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The limiter of a single node: the same leases as in Redis, kept in this process. One lock guards
 * all counts, so taking slots in several of them is atomic as the Redis script is; the work under it
 * is a few map operations.
 */
public final class MemoryLimiter implements Limiter {
    /** Per count: slot id to expiry (epoch milliseconds). */
    private final Map<String, Map<String, Long>> slots = new HashMap<>();
    private final Map<String, Long> rejections = new HashMap<>();

    @Override
    public synchronized Future<Admission> acquire(List<Counter> counters, Duration ttl, boolean countRefusal) {
        long now = System.currentTimeMillis();
        long first = 0;
        for (int i = 0; i < counters.size(); i++) {
            Counter counter = counters.get(i);
            int live = live(counter.key(), now).size();
            if (counter.limited() && live >= counter.threshold()) {
                if (countRefusal) {
                    rejections.merge(counter.key(), 1L, Long::sum);
                }
                return Future.succeededFuture(Admission.refused(counter.key(), live));
            }
            if (i == 0) {
                first = live;
            }
        }
        Lease lease = new Lease(UUID.randomUUID().toString(), counters.stream().map(Counter::key).toList(), ttl);
        long expiry = now + ttl.toMillis();
        lease.keys().forEach(key -> slots.computeIfAbsent(key, k -> new HashMap<>()).put(lease.id(), expiry));
        return Future.succeededFuture(Admission.admitted(lease, first + 1));
    }

    @Override
    public synchronized Future<Void> renew(Lease lease) {
        long expiry = System.currentTimeMillis() + lease.ttl().toMillis();
        for (String key : lease.keys()) {
            Map<String, Long> live = live(key, System.currentTimeMillis());
            live.computeIfPresent(lease.id(), (id, old) -> expiry);
        }
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Void> release(Lease lease) {
        for (String key : lease.keys()) {
            Map<String, Long> held = slots.get(key);
            if (held != null) {
                held.remove(lease.id());
                if (held.isEmpty()) {
                    slots.remove(key);
                }
            }
        }
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<CounterState> state(String key) {
        return Future.succeededFuture(new CounterState(live(key, System.currentTimeMillis()).size(), rejections.getOrDefault(key, 0L)));
    }

    @Override
    public Future<Void> close() {
        return Future.succeededFuture();
    }

    /** The count's slots with the expired ones dropped, as the Redis script drops them. */
    private Map<String, Long> live(String key, long now) {
        Map<String, Long> held = slots.get(key);
        if (held == null) {
            return Map.of();
        }
        held.values().removeIf(expiry -> expiry <= now);
        return held;
    }
}
