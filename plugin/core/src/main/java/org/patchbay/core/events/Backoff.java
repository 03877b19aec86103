package org.patchbay.core.events;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential backoff with jitter: attempt n waits a random time between half and all of
 * {@code first × 2ⁿ}, never more than {@code max}, so retries from many consumers do not fall in step.
 */
public record Backoff(Duration first, Duration max) {

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("a backoff needs 0 < first <= max");
        }
    }

    public long delayMillis(int attempt) {
        long cap = max.toMillis();
        long base = first.toMillis() << Math.min(Math.max(attempt, 0), 30);
        long ceiling = base <= 0 || base > cap ? cap : base;
        return Math.max(1, ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
