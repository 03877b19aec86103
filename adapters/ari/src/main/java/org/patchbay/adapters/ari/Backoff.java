package org.patchbay.adapters.ari;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential backoff with jitter, so that many Patchbay nodes losing the same Asterisk
 * do not all knock on its door at the same instant.
 */
final class Backoff {
    private final long firstMillis;
    private final long maxMillis;
    private int attempts;

    Backoff(Duration first, Duration max) {
        this.firstMillis = Math.max(1, first.toMillis());
        this.maxMillis = Math.max(firstMillis, max.toMillis());
    }

    long nextDelayMillis() {
        long base = Math.min(maxMillis, firstMillis << Math.min(attempts, 20));
        attempts++;
        long jitter = ThreadLocalRandom.current().nextLong(base / 5 + 1);
        return Math.min(maxMillis, base - base / 10 + jitter);
    }

    void reset() {
        attempts = 0;
    }
}
