package org.patchbay.server.api.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Predicate;
import org.patchbay.core.store.TimeRange;

/**
 * Dates as Twilio writes them (RFC 2822 in GMT) and the date filters of its list endpoints:
 * {@code StartTime=2024-03-01} (that day), {@code StartTime<=…} (on or before) and {@code StartTime>=…}
 * (on or after). On the wire the latter are the parameters {@code StartTime<} and {@code StartTime>}.
 * A filter value is a date {@code YYYY-MM-DD}, or a date and time such as the helper libraries send
 * ({@code 2024-03-01T10:00:00}, UTC unless an offset is given), compared to the second.
 */
public final class TwilioDates {
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private TwilioDates() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : RFC_2822.format(instant);
    }

    /** The filter the three parameters {@code name}, {@code name<}, {@code name>} ask for, or null for none. */
    public static Predicate<Instant> filter(Params params, String name) {
        TimeRange range = range(params, name);
        return range == null ? null : range::contains;
    }

    /** The instants the three parameters allow (the same as {@link #filter}), or null for none. */
    public static TimeRange range(Params params, String name) {
        TimeRange result = null;
        String on = params.get(name);
        String before = params.get(name + "<");
        String after = params.get(name + ">");
        if (on != null) {
            LocalDate day = parse(name, on).day();
            result = and(result, new TimeRange(startOf(day), startOf(day.plusDays(1))));
        }
        if (before != null) {
            Bound bound = parse(name + "<", before);
            result = and(result, new TimeRange(null, bound.exact() != null ? bound.exact().plusSeconds(1) : startOf(bound.day().plusDays(1))));
        }
        if (after != null) {
            Bound bound = parse(name + ">", after);
            result = and(result, new TimeRange(bound.exact() != null ? bound.exact() : startOf(bound.day()), null));
        }
        return result;
    }

    private static TimeRange and(TimeRange a, TimeRange b) {
        return a == null ? b : a.and(b);
    }

    /** A day, and the instant when a time was given too. */
    private record Bound(LocalDate day, Instant exact) {
    }

    private static Bound parse(String name, String value) {
        try {
            if (value.length() == 10) {
                return new Bound(LocalDate.parse(value), null);
            }
            Instant exact = hasOffset(value)
                    ? OffsetDateTime.parse(value).toInstant()
                    : LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            return new Bound(exact.atOffset(ZoneOffset.UTC).toLocalDate(), exact.truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException e) {
            throw Params.invalid(name + " is not a valid date: '" + Params.shorten(value) + "' (use YYYY-MM-DD)");
        }
    }

    private static boolean hasOffset(String value) {
        int time = value.indexOf('T');
        return time > 0 && (value.endsWith("Z") || value.indexOf('+', time) > 0 || value.indexOf('-', time) > 0);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
