package org.patchbay.core.store.retention;

import org.patchbay.core.store.Resource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * How long records of each kind are kept, counted from their creation, and the clock that says what
 * time it is. Kinds not named are kept until deleted. A record is expired once its creation plus its
 * kind's retention has passed; stores drop expired records with their index entries ({@code Store.sweep}).
 *
 * @param byKind retention per {@code ResourceKind} name ({@code calls}, {@code notifications}, …)
 */
public record Retention(Map<String, Duration> byKind, Clock clock) {
    /** Twilio keeps call logs for 13 months: 395 days. */
    public static final Duration CALLS = Duration.ofDays(395);
    /** Twilio keeps Notifications (debugger events) for 30 days. */
    public static final Duration NOTIFICATIONS = Duration.ofDays(30);
    /** Recording metadata lives as long as the calls it belongs to. */
    public static final Duration RECORDINGS = CALLS;

    public Retention {
        byKind = Map.copyOf(byKind);
    }

    /** Nothing expires. */
    public static Retention keepAll() {
        return new Retention(Map.of(), Clock.systemUTC());
    }

    public static Retention of(Duration calls, Duration notifications, Duration recordings, Clock clock) {
        return new Retention(Map.of("calls", calls, "notifications", notifications, "recordings", recordings), clock);
    }

    /** The kind's retention, or null when its records are kept until deleted. */
    public Duration of(String kind) {
        Duration retention = byKind.get(kind);
        return retention == null || retention.isZero() || retention.isNegative() ? null : retention;
    }

    /** When the record expires, or null when it does not. */
    public Instant expiresAt(String kind, Resource record) {
        Duration retention = of(kind);
        return retention == null || record.dateCreated() == null ? null : record.dateCreated().plus(retention);
    }

    public boolean expired(String kind, Resource record) {
        Instant expiresAt = expiresAt(kind, record);
        return expiresAt != null && !clock.instant().isBefore(expiresAt);
    }

    /** Records of the kind created before this instant have expired; null when the kind does not expire. */
    public Instant cutoff(String kind) {
        Duration retention = of(kind);
        return retention == null ? null : clock.instant().minus(retention);
    }
}
