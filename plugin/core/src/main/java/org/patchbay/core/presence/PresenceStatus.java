package org.patchbay.core.presence;

import java.util.Locale;

/** How present a device is: only an {@code available} device is rung by {@code <Dial><Client>}. */
public enum PresenceStatus {
    available, busy, away, offline;

    /** A status a client may set for itself (never {@code offline}: it closes its socket instead), or null. */
    public static PresenceStatus settable(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "available" -> available;
            case "busy" -> busy;
            case "away" -> away;
            default -> null;
        };
    }
}
