package org.patchbay.core.usage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The fewest counter buckets that together hold exactly the days from {@code start} to {@code end}
 * (both included): whole years and months where the range covers them, days elsewhere. Years from
 * 2010 to today so cost about twenty reads, not thousands.
 */
public final class BucketCover {
    private BucketCover() {
    }

    public static List<String> of(LocalDate start, LocalDate end) {
        List<String> buckets = new ArrayList<>();
        LocalDate day = start;
        while (!day.isAfter(end)) {
            if (day.getDayOfYear() == 1 && !day.plusYears(1).minusDays(1).isAfter(end)) {
                buckets.add(Period.YEARLY.bucket(day));
                day = day.plusYears(1);
            } else if (day.getDayOfMonth() == 1 && !day.plusMonths(1).minusDays(1).isAfter(end)) {
                buckets.add(Period.MONTHLY.bucket(day));
                day = day.plusMonths(1);
            } else {
                buckets.add(Period.DAILY.bucket(day));
                day = day.plusDays(1);
            }
        }
        return buckets;
    }
}
