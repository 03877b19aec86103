package org.patchbay.core.limits;

import io.vertx.core.Future;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.limits.memory.MemoryCallPacer;
import org.patchbay.core.limits.memory.MemoryLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The shared limiter with the {@link RedisDownPolicy} applied while it fails. Once a call to it
 * fails, the next second's requests do not wait on it: {@code open} counts them on this node,
 * {@code closed} refuses them; then it is tried again. Slots taken locally are given back locally;
 * the shared limiter itself owes back the shared slots it could not give back (or may have taken).
 */
public final class GuardedLimits implements Limiter, CallPacer {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedLimits.class);
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Limiter shared;
    private final CallPacer sharedPacer;
    private final RedisDownPolicy policy;
    private final MemoryLimiter local = new MemoryLimiter();
    private final MemoryCallPacer localPacer = new MemoryCallPacer();
    private final Set<String> localLeases = ConcurrentHashMap.newKeySet();
    private volatile long downSince = -1;
    private volatile String lastFailure;

    public GuardedLimits(Limiter shared, CallPacer sharedPacer, RedisDownPolicy policy) {
        this.shared = shared;
        this.sharedPacer = sharedPacer;
        this.policy = policy;
    }

    /** {@code up}, or {@code down} with the policy in force. */
    public String state() {
        return downSince < 0 ? "up" : "down (" + policy.wireName() + ")";
    }

    public RedisDownPolicy policy() {
        return policy;
    }

    public String lastFailure() {
        return lastFailure;
    }

    @Override
    public Future<Admission> acquire(List<Counter> counters, Duration ttl, boolean countRefusal) {
        if (skipShared()) {
            return fallback(counters, ttl, countRefusal);
        }
        return shared.acquire(counters, ttl, countRefusal)
                .onSuccess(ok -> recovered())
                .recover(failure -> {
                    wentDown(failure);
                    return fallback(counters, ttl, countRefusal);
                });
    }

    private Future<Admission> fallback(List<Counter> counters, Duration ttl, boolean countRefusal) {
        if (policy == RedisDownPolicy.CLOSED) {
            return Future.failedFuture(unavailable());
        }
        return local.acquire(counters, ttl, countRefusal).onSuccess(admission -> {
            if (admission.isAdmitted()) {
                localLeases.add(admission.lease().id());
            }
        });
    }

    @Override
    public Future<Void> renew(Lease lease) {
        if (localLeases.contains(lease.id())) {
            return local.renew(lease);
        }
        return shared.renew(lease).recover(failure -> {
            wentDown(failure);
            return Future.succeededFuture();
        });
    }

    @Override
    public Future<Void> release(Lease lease) {
        if (localLeases.remove(lease.id())) {
            return local.release(lease);
        }
        return shared.release(lease).recover(failure -> {
            wentDown(failure);
            return Future.succeededFuture();
        });
    }

    @Override
    public Future<CounterState> state(String key) {
        return shared.state(key).recover(failure -> local.state(key));
    }

    @Override
    public Future<Long> tryStart(String key, int perSecond) {
        if (skipShared()) {
            return pacingFallback(key, perSecond);
        }
        return sharedPacer.tryStart(key, perSecond).recover(failure -> {
            wentDown(failure);
            return pacingFallback(key, perSecond);
        });
    }

    private Future<Long> pacingFallback(String key, int perSecond) {
        return policy == RedisDownPolicy.CLOSED ? Future.failedFuture(unavailable()) : localPacer.tryStart(key, perSecond);
    }

    @Override
    public Future<Void> close() {
        return shared.close();
    }

    private boolean skipShared() {
        long since = downSince;
        return since >= 0 && System.nanoTime() - since < RETRY_NANOS;
    }

    private void wentDown(Throwable failure) {
        if (downSince < 0) {
            LOG.warn("limits: the shared limiter failed ({}); {} until it answers again", failure.getMessage(),
                    policy == RedisDownPolicy.OPEN ? "counting on this node" : "refusing");
        }
        lastFailure = failure.getMessage();
        downSince = System.nanoTime();
    }

    private void recovered() {
        if (downSince >= 0) {
            downSince = -1;
            LOG.info("limits: the shared limiter answers again");
        }
    }

    private static PatchbayException unavailable() {
        return new PatchbayException(503, ErrorCode.SERVICE_UNAVAILABLE,
                "Limits cannot be checked right now (the shared limiter is unreachable); retry later");
    }
}
