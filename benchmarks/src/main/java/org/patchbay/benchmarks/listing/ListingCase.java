package org.patchbay.benchmarks.listing;

import org.patchbay.core.call.CallRecord;
import org.patchbay.core.store.ListQuery;
import org.patchbay.core.store.TimeRange;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * One kind of {@code GET /Calls} filter, as {@code CallFilters} turns it into a store query: the exact
 * predicate, with its terms restated for the list indexes. {@code next} draws the filter's values.
 */
record ListingCase(String name, int offset, Function<SplittableRandom, ListQuery<CallRecord>> next) {

    static ListQuery<CallRecord> query(String to, String status, TimeRange started) {
        Map<String, String> equal = new HashMap<>();
        if (to != null) {
            equal.put("to", to);
        }
        if (status != null) {
            equal.put("status", status);
        }
        Map<String, TimeRange> within = started == null ? Map.of() : Map.of("startTime", started);
        return ListQuery.exactly(equal, within, call -> (to == null || to.equals(call.to()))
                && (status == null || status.equals(call.status().wire()))
                && (started == null || started.contains(call.startTime())));
    }

    static TimeRange days(CallCorpus corpus, SplittableRandom random, int days) {
        Instant from = corpus.oldest.plus(Duration.ofDays(1 + random.nextInt(390)));
        return new TimeRange(from, from.plus(Duration.ofDays(days)));
    }

    static ListingCase[] all(CallCorpus corpus) {
        return new ListingCase[] {
            new ListingCase("no filter, first page", 0, r -> query(null, null, null)),
            new ListingCase("no filter, page 21 (offset 1000)", 1000, r -> query(null, null, null)),
            new ListingCase("To (about 100 calls each)", 0, r -> query(CallCorpus.to(r.nextInt(CallCorpus.TO_NUMBERS)), null, null)),
            new ListingCase("Status=busy (4 %)", 0, r -> query(null, "busy", null)),
            new ListingCase("Status=in-progress (200 calls)", 0, r -> query(null, "in-progress", null)),
            new ListingCase("StartTime one day", 0, r -> query(null, null, days(corpus, r, 1))),
            new ListingCase("StartTime one day, page 11 (offset 500)", 500, r -> query(null, null, days(corpus, r, 1))),
            new ListingCase("To + Status=completed", 0, r -> query(CallCorpus.to(r.nextInt(CallCorpus.TO_NUMBERS)), "completed", null)),
            new ListingCase("Status=completed + StartTime one week, page 3", 100, r -> query(null, "completed", days(corpus, r, 7))),
            new ListingCase("Status=busy, page 21 (offset 1000)", 1000, r -> query(null, "busy", null)),
            new ListingCase("To + StartTime one month", 0, r -> query(CallCorpus.to(r.nextInt(CallCorpus.TO_NUMBERS)), null, days(corpus, r, 30))),
        };
    }
}
