package org.patchbay.adapters.redis.events;

import java.time.Duration;

/**
 * How a partition reader paces itself: how long its lease lives without renewal (how soon another node
 * takes over from one that died), how long it waits before looking again at a partition with nothing new,
 * and how many events it holds at most while its consumer works on them.
 */
public record ReaderTiming(Duration leaseTtl, Duration idlePoll, int window) {
    public static final ReaderTiming DEFAULT = new ReaderTiming(Duration.ofSeconds(10), Duration.ofMillis(100), 1_000);

    public ReaderTiming {
        if (leaseTtl.toMillis() < 300 || idlePoll.isNegative() || idlePoll.isZero() || window < 1) {
            throw new IllegalArgumentException("lease of at least 300 ms, a positive poll and a window of at least 1");
        }
    }
}
