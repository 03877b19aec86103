package org.patchbay.core.store;

import java.time.Instant;

/**
 * Instants from {@code from} (inclusive) to {@code to} (exclusive); either end may be open (null).
 */
public record TimeRange(Instant from, Instant to) {

    public boolean contains(Instant t) {
        return t != null && (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
    }

    /** Both ranges at once. */
    public TimeRange and(TimeRange other) {
        Instant lower = from == null ? other.from : other.from == null || from.isAfter(other.from) ? from : other.from;
        Instant upper = to == null ? other.to : other.to == null || to.isBefore(other.to) ? to : other.to;
        return new TimeRange(lower, upper);
    }
}
