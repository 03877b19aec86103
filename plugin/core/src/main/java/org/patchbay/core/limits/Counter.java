package org.patchbay.core.limits;

/**
 * One count a slot is taken from, e.g. {@code api:AC…} or {@code calls:AC…}, and its threshold.
 * A threshold of 0 puts no limit on the count, which is still kept (it is reported).
 */
public record Counter(String key, int threshold) {

    public boolean limited() {
        return threshold > 0;
    }
}
