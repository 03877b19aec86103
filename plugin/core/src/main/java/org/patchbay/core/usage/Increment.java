package org.patchbay.core.usage;

/** What one event adds to one category. */
public record Increment(String category, Tally amount) {
}
