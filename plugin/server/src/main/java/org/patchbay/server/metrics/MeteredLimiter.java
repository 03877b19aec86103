package org.patchbay.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import org.patchbay.core.limits.Admission;
import org.patchbay.core.limits.CounterState;
import org.patchbay.core.limits.Lease;
import org.patchbay.core.limits.Limiter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A limiter that counts what it admits and refuses, and the slots this node holds, by limit
 * ({@code api} or {@code calls}: the first count's kind). Refusals of a retry are not counted again.
 */
final class MeteredLimiter implements Limiter {
    private final Limiter limiter;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> inFlight = new ConcurrentHashMap<>();
    /** Leases this node holds, so giving one back twice (allowed) takes it off the gauge once. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    MeteredLimiter(Limiter limiter, MeterRegistry registry) {
        this.limiter = limiter;
        this.registry = registry;
    }

    @Override
    public Future<Admission> acquire(List<org.patchbay.core.limits.Counter> counters, Duration ttl, boolean countRefusal) {
        String limit = counters.isEmpty() ? "none" : kind(counters.get(0).key());
        return limiter.acquire(counters, ttl, countRefusal).onSuccess(admission -> {
            if (admission.isAdmitted() || countRefusal) {
                Counter.builder("patchbay.limit.admissions").description("requests and calls asking for a slot, by outcome")
                        .tag("limit", limit).tag("outcome", admission.isAdmitted() ? "admitted" : "rejected")
                        .register(registry).increment();
            }
            if (admission.lease() != null && held.add(admission.lease().id())) {
                gauge(limit).incrementAndGet();
            }
        });
    }

    @Override
    public Future<Void> renew(Lease lease) {
        return limiter.renew(lease);
    }

    @Override
    public Future<Void> release(Lease lease) {
        if (held.remove(lease.id())) {
            gauge(lease.keys().isEmpty() ? "none" : kind(lease.keys().get(0))).decrementAndGet();
        }
        return limiter.release(lease);
    }

    @Override
    public Future<CounterState> state(String key) {
        return limiter.state(key);
    }

    @Override
    public Future<Void> close() {
        return limiter.close();
    }

    private AtomicLong gauge(String limit) {
        return inFlight.computeIfAbsent(limit, name -> {
            AtomicLong count = new AtomicLong();
            Gauge.builder("patchbay.limit.slots.in.flight", count, AtomicLong::get)
                    .description("slots this node holds, by limit").tag("limit", name).register(registry);
            return count;
        });
    }

    private static String kind(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? key : key.substring(0, colon);
    }
}
