package org.patchbay.core.limits;

import io.vertx.core.Vertx;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A lease being held: renewed every third of its lifetime while the work it admits runs, given back
 * once by {@link #release()} however many of the ways the work can end call it.
 */
public final class Slot {
    private static final Slot NONE = new Slot(null, null, null, 0);

    private final Vertx vertx;
    private final Limiter limiter;
    private final Lease lease;
    private final long renewTimer;
    private final long inFlight;
    private final AtomicBoolean released = new AtomicBoolean();

    private Slot(Vertx vertx, Limiter limiter, Lease lease, long inFlight) {
        this.vertx = vertx;
        this.limiter = limiter;
        this.lease = lease;
        this.inFlight = inFlight;
        this.renewTimer = lease == null ? -1
                : vertx.setPeriodic(Math.max(1, lease.ttl().toMillis() / 3), id -> limiter.renew(lease));
    }

    /** Holds the admission's lease; an admission without one (nothing was counted) holds nothing. */
    public static Slot hold(Vertx vertx, Limiter limiter, Admission admitted) {
        if (admitted.lease() == null) {
            return NONE;
        }
        return new Slot(vertx, limiter, admitted.lease(), admitted.inFlight());
    }

    /** Holds nothing: for work that no limit applies to. */
    public static Slot none() {
        return NONE;
    }

    /** The first count's in-flight slots when this one was taken, itself included. */
    public long inFlight() {
        return inFlight;
    }

    public void release() {
        if (lease != null && released.compareAndSet(false, true)) {
            vertx.cancelTimer(renewTimer);
            limiter.release(lease);
        }
    }
}
