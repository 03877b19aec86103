package org.patchbay.core.events.sink;

import java.time.Duration;

/**
 * How a webhook sink with {@code batch_events} groups this subscription's events: a request goes out when
 * {@code size} events are waiting or the oldest has waited {@code maxWait}, whichever comes first.
 */
public record Batching(int size, Duration maxWait) {
    public static final int MAX_SIZE = 1000;
    public static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    public static final Batching DEFAULT = new Batching(100, Duration.ofSeconds(1));

    public Batching {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("a batch holds 1 to " + MAX_SIZE + " events, not " + size);
        }
        if (maxWait.isNegative() || maxWait.compareTo(LONGEST_WAIT) > 0) {
            throw new IllegalArgumentException("a batch waits 0 to " + LONGEST_WAIT.toSeconds() + " s, not " + maxWait);
        }
    }
}
