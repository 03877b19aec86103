package org.patchbay.core.limits;

/** A count as it stands: live (unexpired) slots, and how many requests it has refused so far. */
public record CounterState(long inFlight, long rejected) {
}
