package org.patchbay.asterisk.sim;

import java.util.Locale;

/** Who picks up an originate that runs answering-machine detection, as {@code AMD()} would hear them. */
public enum AmdCallee {
    /** Says a short hello (1.4 s) and then is silent, sending audio frames: HUMAN. */
    HUMAN,
    /** Plays a 7 s greeting after 1.3 s, then silence: MACHINE (LONGGREETING), and the greeting's end can be waited for. */
    MACHINE,
    /**
     * Sends no audio frames AMD can count (a dialplan {@code Wait()} over a Local channel sends none): AMD hears neither
     * speech nor silence and is NOTSURE (TOOLONG) at the total analysis time.
     */
    SILENT,
    /** A fax machine: its CNG tone sends the channel to the context's {@code fax} extension (PJSIP {@code fax_detect}). */
    FAX;

    /** Parses {@code human}, {@code machine}, {@code silent} or {@code fax}. */
    public static AmdCallee parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a callee is required: human, machine, silent or fax");
        }
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
