package org.patchbay.testkit;

import org.patchbay.core.events.CallStatusChanged;
import org.patchbay.core.events.EventType;
import org.patchbay.core.events.LimitRejected;
import org.patchbay.core.events.RecordCompleted;
import org.patchbay.core.events.RoutedEvent;

import java.time.Instant;
import java.util.Map;

/** Routed events as the router hands them to the usage meter, for tests that count without running calls. */
public final class UsageEvents {
    private UsageEvents() {
    }

    /** A call leg that ended connected after {@code seconds}. */
    public static RoutedEvent callCompleted(String id, String accountSid, String direction, String from, String to, long seconds,
                                            Instant at) {
        return call(id, accountSid, "completed", direction, from, to, seconds, at);
    }

    /** A call leg that ended with {@code status} (completed, busy, no-answer, …). */
    public static RoutedEvent call(String id, String accountSid, String status, String direction, String from, String to,
                                   long seconds, Instant at) {
        Map<String, Object> data = Map.of("AccountSid", accountSid, "CallSid", "CA" + id, "CallStatus", status,
                "Direction", direction, "From", from, "To", to, "CallDuration", Long.toString(seconds));
        return new RoutedEvent(id, EventType.of(CallStatusChanged.PREFIX + "completed"), "test", accountSid, "CA" + id, at, 1,
                data, Map.of("direction", direction, "from", from, "to", to));
    }

    /** A refusal by a limit ({@code api-concurrency} or {@code concurrent-calls}). */
    public static RoutedEvent limitRejected(String id, String accountSid, String limit, Instant at) {
        return new RoutedEvent(id, LimitRejected.TYPE, "test", accountSid, null, at, 1,
                Map.of("limit", limit, "count", "calls:" + accountSid, "in_flight", 5, "detail", "+15550001"), Map.of());
    }

    /** A {@code <Record>} that stored a recording of {@code seconds}. */
    public static RoutedEvent recordCompleted(String id, String accountSid, int seconds, Instant at) {
        return new RoutedEvent(id, RecordCompleted.TYPE, "test", accountSid, "CA" + id, at, 1,
                Map.of("recordingSid", "RE" + id, "durationSeconds", seconds, "digits", "#"), Map.of());
    }
}
