package org.patchbay.core.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The periods usage is counted over, spelled as Twilio's {@code Recurring} spells them. Each period of
 * an account is one counter bucket, named so that a day, a month and a year never share a name:
 * {@code d:2026-12-02}, {@code m:2026-12}, {@code y:2026}, {@code all}.
 */
public enum Period {
    DAILY("daily"),
    MONTHLY("monthly"),
    YEARLY("yearly"),
    ALLTIME("alltime");

    private final String wire;

    Period(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Period fromWire(String value) {
        for (Period period : values()) {
            if (period.wire.equals(value)) {
                return period;
            }
        }
        return null;
    }

    /** The bucket of this period holding {@code day}. */
    public String bucket(LocalDate day) {
        return switch (this) {
            case DAILY -> "d:" + day;
            case MONTHLY -> "m:" + day.toString().substring(0, 7);
            case YEARLY -> "y:" + day.getYear();
            case ALLTIME -> "all";
        };
    }

    /** The first day of the period holding {@code day} (for alltime: the earliest day Patchbay reports). */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAILY -> day;
            case MONTHLY -> day.withDayOfMonth(1);
            case YEARLY -> day.withDayOfYear(1);
            case ALLTIME -> LocalDate.of(2010, 1, 1);
        };
    }

    /** The buckets an event at {@code at} counts into, in {@link #values()} order. */
    public static List<String> bucketsAt(Instant at, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return List.of(DAILY.bucket(day), MONTHLY.bucket(day), YEARLY.bucket(day), ALLTIME.bucket(day));
    }
}
