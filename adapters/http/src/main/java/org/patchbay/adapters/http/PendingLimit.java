package org.patchbay.adapters.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Caps the webhooks pending at once. When the cap is hit it says so once, and once more when
 * the backlog has drained, with how many were dropped meanwhile: a failing customer server at
 * hundreds of calls a second must not flood the log either.
 */
final class PendingLimit {
    private static final Logger LOG = LoggerFactory.getLogger(PendingLimit.class);

    private final int max;
    private final int resumeBelow;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean full = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();

    PendingLimit(int max) {
        this.max = max;
        this.resumeBelow = Math.max(1, max - max / 10);
    }

    /** Takes a place, or returns false (and counts the drop) when none is left. */
    boolean tryAcquire() {
        while (true) {
            int now = pending.get();
            if (now >= max) {
                dropped.incrementAndGet();
                if (full.compareAndSet(false, true)) {
                    LOG.warn("Webhook backlog full: {} webhooks pending; new webhooks are dropped until it drains", max);
                }
                return false;
            }
            if (pending.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void release() {
        int now = pending.decrementAndGet();
        if (now < resumeBelow && full.get() && full.compareAndSet(true, false)) {
            LOG.warn("Webhook backlog drained to {}: {} webhooks were dropped while it was full", now, dropped.getAndSet(0));
        }
    }

    int pending() {
        return pending.get();
    }

    int max() {
        return max;
    }
}
