package org.patchbay.core.usage;

import org.patchbay.core.events.CallStatusChanged;
import org.patchbay.core.events.RoutedEvent;

/**
 * Reads call events as billing sees them. A call leg counts once, when it ends with status
 * {@code completed} (it was connected: busy, no-answer, failed and canceled legs cost nothing), and its
 * minutes are its duration rounded up to whole minutes, per call as Twilio bills. A leg whose other
 * end is a {@code client:} or {@code sip:} address is a client or SIP call rather than a phone call.
 */
final class CallUsage {
    private static final String COMPLETED = CallStatusChanged.PREFIX + "completed";

    private CallUsage() {
    }

    static boolean connected(RoutedEvent event) {
        return COMPLETED.equals(event.type().name()) && "completed".equals(text(event, "CallStatus"));
    }

    static long minutes(RoutedEvent event) {
        String seconds = text(event, "CallDuration");
        long value = seconds == null || !seconds.matches("[0-9]{1,9}") ? 0 : Long.parseLong(seconds);
        return (value + 59) / 60;
    }

    static boolean inbound(RoutedEvent event) {
        return "inbound".equals(text(event, "Direction"));
    }

    static boolean client(RoutedEvent event) {
        return addressed(event, "client:");
    }

    static boolean sip(RoutedEvent event) {
        return addressed(event, "sip:");
    }

    static boolean phone(RoutedEvent event) {
        return !client(event) && !sip(event);
    }

    /** For an inbound leg the far end is the caller, for an outbound one the called party. */
    private static boolean addressed(RoutedEvent event, String scheme) {
        String party = text(event, inbound(event) ? "From" : "To");
        return party != null && party.regionMatches(true, 0, scheme, 0, scheme.length());
    }

    static String text(RoutedEvent event, String key) {
        Object value = event.data().get(key);
        return value == null ? null : value.toString();
    }
}
