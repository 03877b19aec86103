package org.patchbay.benchmarks;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A distinct caller number for every call of a benchmark run, so each call can be found again in
 * Patchbay's records (by {@code From}) without relying on ids Patchbay keeps to itself.
 */
final class CallerNumbers {
    private final AtomicLong next = new AtomicLong();

    String next() {
        return String.format("+1999%07d", next.incrementAndGet());
    }
}
