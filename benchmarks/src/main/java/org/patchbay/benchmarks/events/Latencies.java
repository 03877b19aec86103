package org.patchbay.benchmarks.events;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publication-to-receipt times in one preallocated array: a queue of boxed longs kept half a million objects alive
 * through every young collection of the process it measures, and its GC pauses were the p99 it reported.
 */
final class Latencies {
    private final long[] nanos;
    private final AtomicInteger count = new AtomicInteger();

    Latencies(int capacity) {
        this.nanos = new long[capacity];
    }

    void add(long latencyNanos) {
        int at = count.getAndIncrement();
        if (at < nanos.length) {
            nanos[at] = latencyNanos;
        }
    }

    /** The p-quantile in milliseconds of what was recorded (NaN when nothing was). */
    double millisAt(double p) {
        int n = Math.min(count.get(), nanos.length);
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        return sorted[(int) Math.min(n - 1, Math.round(p * (n - 1)))] / 1e6;
    }
}
