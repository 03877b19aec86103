package org.patchbay.core.limits;

import io.vertx.core.Future;

import java.time.Duration;
import java.util.List;

/**
 * Counts of leased slots shared by every node that uses the same limiter. Taking slots is
 * atomic over all the counts asked for: either a slot is taken in each, or, when any of them is at
 * its threshold, in none (and that count's rejections go up by one).
 */
public interface Limiter {

    default Future<Admission> acquire(List<Counter> counters, Duration ttl) {
        return acquire(counters, ttl, true);
    }

    /** As {@link #acquire(List, Duration)}; {@code countRefusal} false for a retry, whose refusal was counted once already. */
    Future<Admission> acquire(List<Counter> counters, Duration ttl, boolean countRefusal);

    /** Pushes the lease's expiry to {@code ttl} from now; a slot that has already expired stays gone. */
    Future<Void> renew(Lease lease);

    /**
     * Gives the slots back at once. Giving back a lease twice, or an expired one, does nothing. A
     * shared limiter that cannot be reached gives them back once it can (a take that failed, too,
     * if it may have been carried out).
     */
    Future<Void> release(Lease lease);

    Future<CounterState> state(String key);

    Future<Void> close();
}
