package org.patchbay.core.limits;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Hands a lease that a request of this node has just given back to the node's next request on the same
 * counts, without a round trip to the shared limiter. Under load a node's slots pass from request to
 * request and the shared limiter sees a take only when the node's concurrency grows, or when what the
 * node knows of the other nodes' count is older than {@link #FRESH}; a lease no request took within
 * {@link #LINGER} is given back. Every slot in use stays a lease in the shared count, so the limit
 * still holds across nodes; what reuse trades is that another node may be refused while a slot lingers
 * here unused, for at most {@link #LINGER}, and that the in-flight count told for a reused slot counts
 * the other nodes' requests as they stood up to {@link #FRESH} ago. One lock: every step is a few map
 * operations.
 */
public final class SlotReuse implements Limiter {
    public static final Duration LINGER = Duration.ofMillis(10);
    public static final Duration FRESH = Duration.ofMillis(100);
    private static final long LINGER_NANOS = LINGER.toNanos();
    private static final long FRESH_NANOS = FRESH.toNanos();

    private record Idle(Lease lease, long since) {
    }

    /** This node's part of one first count (an account's), and the others' part as last read from the shared count. */
    private static final class Standing {
        int inUse;
        int idle;
        long others;
        long readAt = Long.MIN_VALUE;
    }

    private final Vertx vertx;
    private final Limiter shared;
    private final Map<List<String>, ArrayDeque<Idle>> idleByKeys = new HashMap<>();
    private final Map<String, Standing> byFirstKey = new HashMap<>();
    /** Leases a request holds; a lease given back twice goes into a pool once. */
    private final Set<String> inUse = new HashSet<>();
    /** When each lease of this node was taken or last renewed. */
    private final Map<String, Long> renewedAt = new HashMap<>();
    private boolean sweepPending;

    public SlotReuse(Vertx vertx, Limiter shared) {
        this.vertx = vertx;
        this.shared = shared;
    }

    @Override
    public Future<Admission> acquire(List<Counter> counters, Duration ttl, boolean countRefusal) {
        List<String> keys = counters.stream().map(Counter::key).toList();
        List<Lease> flushed;
        synchronized (this) {
            Admission reused = reuse(keys, counters);
            if (reused != null) {
                return Future.succeededFuture(reused);
            }
            flushed = nearThreshold(counters.get(0)) ? takeIdle(idle -> idle.lease().keys().get(0).equals(keys.get(0))) : List.of();
        }
        // Given back before the take is asked for, so the shared limiter counts them free when it answers it.
        flushed.forEach(shared::release);
        return shared.acquire(counters, ttl, countRefusal).map(admission -> {
            List<Lease> refusedIdle = new ArrayList<>();
            Admission answer = taken(keys.get(0), admission, refusedIdle);
            // Lingering slots in the full count are given back at once: the client's retry, or another node, may need them.
            refusedIdle.forEach(shared::release);
            return answer;
        });
    }

    private Admission reuse(List<String> keys, List<Counter> counters) {
        ArrayDeque<Idle> idle = idleByKeys.get(keys);
        Standing standing = byFirstKey.get(keys.get(0));
        if (idle == null || idle.isEmpty() || System.nanoTime() - standing.readAt > FRESH_NANOS) {
            return null;
        }
        long inFlight = standing.others + standing.inUse + 1;
        if (counters.get(0).limited() && inFlight > counters.get(0).threshold()) {
            return null;
        }
        Lease lease = idle.pollLast().lease();
        standing.idle--;
        standing.inUse++;
        inUse.add(lease.id());
        renewIfDue(lease);
        return Admission.admitted(lease, inFlight);
    }

    private boolean nearThreshold(Counter first) {
        Standing standing = byFirstKey.get(first.key());
        return first.limited() && standing != null && standing.idle > 0
                && standing.others + standing.inUse + standing.idle + 1 > first.threshold();
    }

    private synchronized Admission taken(String firstKey, Admission admission, List<Lease> refusedIdle) {
        Standing standing = byFirstKey.computeIfAbsent(firstKey, key -> new Standing());
        standing.readAt = System.nanoTime();
        if (!admission.isAdmitted()) {
            long inFlight = admission.inFlight();
            if (admission.refusedBy().equals(firstKey)) {
                inFlight = Math.max(0, inFlight - standing.idle);
                standing.others = Math.max(0, inFlight - standing.inUse);
            }
            refusedIdle.addAll(takeIdle(idle -> idle.lease().keys().contains(admission.refusedBy())));
            return Admission.refused(admission.refusedBy(), inFlight);
        }
        standing.inUse++;
        standing.others = Math.max(0, admission.inFlight() - standing.inUse - standing.idle);
        inUse.add(admission.lease().id());
        renewedAt.put(admission.lease().id(), System.nanoTime());
        return Admission.admitted(admission.lease(), standing.others + standing.inUse);
    }

    /** A lease last renewed over a third of its lifetime ago is renewed as it is reused, as {@link Slot} does for a long request. */
    private void renewIfDue(Lease lease) {
        long now = System.nanoTime();
        Long last = renewedAt.get(lease.id());
        if (last == null || now - last > lease.ttl().toNanos() / 3) {
            renewedAt.put(lease.id(), now);
            vertx.runOnContext(v -> shared.renew(lease));
        }
    }

    @Override
    public Future<Void> renew(Lease lease) {
        long now = System.nanoTime();
        synchronized (this) {
            renewedAt.computeIfPresent(lease.id(), (id, last) -> now);
        }
        return shared.renew(lease);
    }

    @Override
    public Future<Void> release(Lease lease) {
        synchronized (this) {
            if (!inUse.remove(lease.id())) {
                return Future.succeededFuture();
            }
            Standing standing = byFirstKey.get(lease.keys().get(0));
            standing.inUse--;
            standing.idle++;
            idleByKeys.computeIfAbsent(lease.keys(), keys -> new ArrayDeque<>()).addLast(new Idle(lease, System.nanoTime()));
            if (!sweepPending) {
                sweepPending = true;
                sweepLater();
            }
        }
        return Future.succeededFuture();
    }

    /** Gives back the leases that lingered unused for {@link #LINGER}; comes again while any still lingers. */
    private void sweep() {
        long now = System.nanoTime();
        List<Lease> due;
        synchronized (this) {
            due = takeIdle(idle -> now - idle.since() >= LINGER_NANOS);
            sweepPending = !idleByKeys.isEmpty();
            if (sweepPending) {
                sweepLater();
            }
        }
        due.forEach(shared::release);
    }

    private void sweepLater() {
        vertx.setTimer(LINGER.toMillis(), id -> sweep());
    }

    /** Takes the idle leases {@code which} picks out of the pools. */
    private List<Lease> takeIdle(Predicate<Idle> which) {
        List<Lease> taken = new ArrayList<>();
        for (ArrayDeque<Idle> idle : idleByKeys.values()) {
            idle.removeIf(entry -> which.test(entry) && taken.add(entry.lease()));
        }
        for (Lease lease : taken) {
            byFirstKey.get(lease.keys().get(0)).idle--;
            renewedAt.remove(lease.id());
        }
        idleByKeys.values().removeIf(ArrayDeque::isEmpty);
        return taken;
    }

    /** The shared count, less the slots lingering here unused. */
    @Override
    public Future<CounterState> state(String key) {
        return shared.state(key).map(state -> {
            long lingering;
            synchronized (this) {
                lingering = idleByKeys.entrySet().stream().filter(entry -> entry.getKey().contains(key))
                        .mapToLong(entry -> entry.getValue().size()).sum();
            }
            return new CounterState(Math.max(0, state.inFlight() - lingering), state.rejected());
        });
    }

    @Override
    public Future<Void> close() {
        List<Lease> lingering;
        synchronized (this) {
            lingering = takeIdle(idle -> true);
        }
        return Future.join(lingering.stream().map(shared::release).toList()).transform(done -> shared.close());
    }
}
