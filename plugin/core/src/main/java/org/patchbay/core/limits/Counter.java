package org.patchbay.core.limits;

/**
 * One count a slot is taken from, e.g. {@code api:AC…} or {@code calls:AC…}, and its threshold.
 * A threshold of 0 puts no limit on the count; it is still kept while another count of the same
 * request has a limit (a subaccount's own, unlimited, beside its parent's).
 */
public record Counter(String key, int threshold) {

    public boolean limited() {
        return threshold > 0;
    }

    /**
     * Whether any of the counts has a limit. When none has, nothing is counted at all: unlimited work
     * costs no limiter round trip (a limit set later counts the work that starts after it).
     */
    public static boolean anyLimited(java.util.List<Counter> counters) {
        return counters.stream().anyMatch(Counter::limited);
    }
}
