package org.patchbay.asterisk.sim;

import java.util.Locale;

/** What the far end of an originated call does. */
public enum FarEndBehaviour {
    /** Rings for the rule's ring time, then answers. */
    ANSWER,
    /** Answers busy: Dial BUSY, cause 17. */
    BUSY,
    /** Rings until the originate (or dial) timeout: cause 19. */
    NO_ANSWER,
    /** The network fails the call: Dial CONGESTION, cause 34. */
    FAIL,
    /** The far end declines: Dial CHANUNAVAIL, cause 21. */
    REJECT;

    /** Parses {@code answer}, {@code busy}, {@code no-answer}, {@code fail} or {@code reject}. */
    public static FarEndBehaviour parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a behaviour is required: answer, busy, no-answer, fail or reject");
        }
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
