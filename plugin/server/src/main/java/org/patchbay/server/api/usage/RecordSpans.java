package org.patchbay.server.api.usage;

import org.patchbay.core.usage.BucketCover;
import org.patchbay.core.usage.Period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The date spans a Usage Records list reports, one record per category for each: one span for
 * {@code Records} and the fixed periods ({@code Today}, {@code LastMonth}, …), one per day, month or
 * year for {@code Daily}, {@code Monthly} and {@code Yearly}, clipped to {@code StartDate}–{@code EndDate}.
 */
enum RecordSpans {
    RECORDS(""), DAILY("/Daily"), MONTHLY("/Monthly"), YEARLY("/Yearly"), ALL_TIME("/AllTime"), TODAY("/Today"),
    YESTERDAY("/Yesterday"), THIS_MONTH("/ThisMonth"), LAST_MONTH("/LastMonth");

    /** Days from {@code start} to {@code end}, both included, and the buckets that hold exactly them. */
    record Span(LocalDate start, LocalDate end, List<String> buckets) {
        static Span of(LocalDate start, LocalDate end) {
            return new Span(start, end, BucketCover.of(start, end));
        }
    }

    private final String path;

    RecordSpans(String path) {
        this.path = path;
    }

    String path() {
        return path;
    }

    /** Whether {@code StartDate} and {@code EndDate} choose the range (the fixed periods ignore them). */
    boolean ranged() {
        return this == RECORDS || this == DAILY || this == MONTHLY || this == YEARLY;
    }

    /**
     * @param first the first day that can hold usage (the account's creation day)
     * @param from  StartDate, or {@code first}; {@code to} EndDate, or today
     */
    List<Span> spans(LocalDate today, LocalDate first, LocalDate from, LocalDate to, boolean datesGiven) {
        return switch (this) {
            case RECORDS -> datesGiven ? List.of(Span.of(from, to)) : List.of(allTime(first, today));
            case ALL_TIME -> List.of(allTime(first, today));
            case DAILY -> periods(Period.DAILY, from, to);
            case MONTHLY -> periods(Period.MONTHLY, from, to);
            case YEARLY -> periods(Period.YEARLY, from, to);
            case TODAY -> List.of(Span.of(today, today));
            case YESTERDAY -> List.of(Span.of(today.minusDays(1), today.minusDays(1)));
            case THIS_MONTH -> List.of(Span.of(today.withDayOfMonth(1), today));
            case LAST_MONTH -> {
                LocalDate start = today.withDayOfMonth(1).minusMonths(1);
                yield List.of(Span.of(start, start.plusMonths(1).minusDays(1)));
            }
        };
    }

    /** All time is one counter, whatever the days it spans. */
    private static Span allTime(LocalDate first, LocalDate today) {
        return new Span(first.isAfter(today) ? today : first, today, List.of(Period.ALLTIME.bucket(today)));
    }

    private static List<Span> periods(Period period, LocalDate from, LocalDate to) {
        List<Span> spans = new ArrayList<>();
        LocalDate start = from;
        while (!start.isAfter(to)) {
            LocalDate next = switch (period) {
                case DAILY -> start.plusDays(1);
                case MONTHLY -> start.withDayOfMonth(1).plusMonths(1);
                default -> start.withDayOfYear(1).plusYears(1);
            };
            LocalDate end = next.minusDays(1).isAfter(to) ? to : next.minusDays(1);
            spans.add(Span.of(start, end));
            start = next;
        }
        return spans;
    }
}
