package org.patchbay.core.events.sink;

import java.util.Objects;

/**
 * A filter on one text value: {@code value} exactly, or written {@code abc*} a prefix, or {@code *abc} a suffix.
 */
public record TextMatch(Mode mode, String value) {

    public enum Mode {
        EXACT, PREFIX, SUFFIX
    }

    public TextMatch {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(value, "value");
    }

    /** Reads the written form; null or empty means no filter (null). */
    public static TextMatch parse(String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            return null;
        }
        if (pattern.endsWith("*")) {
            return new TextMatch(Mode.PREFIX, pattern.substring(0, pattern.length() - 1));
        }
        if (pattern.startsWith("*")) {
            return new TextMatch(Mode.SUFFIX, pattern.substring(1));
        }
        return new TextMatch(Mode.EXACT, pattern);
    }

    /** A missing value never matches. */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return switch (mode) {
            case EXACT -> candidate.equals(value);
            case PREFIX -> candidate.startsWith(value);
            case SUFFIX -> candidate.endsWith(value);
        };
    }

    /** The written form, as {@link #parse} reads it. */
    public String pattern() {
        return switch (mode) {
            case EXACT -> value;
            case PREFIX -> value + "*";
            case SUFFIX -> "*" + value;
        };
    }
}
