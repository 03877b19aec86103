package org.patchbay.testkit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.store.ListQuery;
import org.patchbay.core.store.Page;
import org.patchbay.core.store.Store;
import org.patchbay.core.store.TimeRange;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchbay.testkit.SampleRecords.sid;

/**
 * A listing with a query answers exactly what its filter alone answers (the same records, order and
 * pages), whatever index or time window the store uses to get there: including calls answered long
 * after they were created, and calls whose status, and so their index entries, changed.
 */
public abstract class ListQueryContract {
    private static final String ACCOUNT = sid("AC", 1);
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final List<String> TO = List.of("+15550001", "+15550002", "+15550003");

    private Vertx vertx;
    private Store store;

    protected abstract Store newStore(Vertx vertx);

    @BeforeEach
    final void openStore() {
        vertx = Vertx.vertx();
        store = newStore(vertx);
        for (int i = 0; i < 90; i++) {
            Instant created = T0.plus(Duration.ofMinutes(10L * i));
            boolean answered = i % 3 != 0;
            // every seventh call waited two hours for its answer: its start lies far behind its creation
            Instant start = !answered ? null : created.plus(i % 7 == 0 ? Duration.ofHours(2) : Duration.ofSeconds(5));
            CallRecord call = SampleRecords.call(sid("CA", i), ACCOUNT, created).toBuilder().between("+15559999", TO.get(i % 3))
                    .parentCallSid(i % 2 == 0 ? sid("CA", 1000) : null).status(answered ? CallStatus.IN_PROGRESS : CallStatus.RINGING)
                    .times(start, null, null).carriedBy("chan-" + i, "node-a").build();
            await(store.of(CallRecord.KIND).put(call));
            if (i % 5 == 0 && answered) {
                await(store.of(CallRecord.KIND).put(call.endedAt(CallStatus.COMPLETED, start.plusSeconds(60))));
            }
        }
    }

    @AfterEach
    final void closeStore() {
        await(store.close());
        await(vertx.close());
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void sameAsTheFilter(Map<String, String> equal, Map<String, TimeRange> within) {
        Predicate<CallRecord> filter = call -> equal.entrySet().stream().allMatch(term -> term.getValue().equals(switch (term.getKey()) {
            case "to" -> call.to();
            case "status" -> call.status().wire();
            case "parentCallSid" -> call.parentCallSid();
            default -> throw new IllegalArgumentException(term.getKey());
        })) && within.entrySet().stream().allMatch(term -> term.getValue().contains(
                "startTime".equals(term.getKey()) ? call.startTime() : call.endTime()));
        for (int offset : new int[] {0, 3, 40, 88}) {
            Page<CallRecord> walked = await(store.of(CallRecord.KIND).list(ACCOUNT, filter, offset, 5));
            for (ListQuery<CallRecord> query : List.of(new ListQuery<>(equal, within, filter), ListQuery.exactly(equal, within, filter))) {
                Page<CallRecord> indexed = await(store.of(CallRecord.KIND).list(ACCOUNT, query, offset, 5));
                String what = equal + " " + within + " from " + offset + (query.exact() ? " (exact)" : "");
                assertEquals(walked.items(), indexed.items(), what);
                assertEquals(walked.hasMore(), indexed.hasMore(), what);
            }
        }
    }

    @Test
    void equalTermsAloneAndTogether() {
        sameAsTheFilter(Map.of("to", TO.get(1)), Map.of());
        sameAsTheFilter(Map.of("status", "completed"), Map.of());
        sameAsTheFilter(Map.of("status", "in-progress", "to", TO.get(2)), Map.of());
        sameAsTheFilter(Map.of("parentCallSid", sid("CA", 1000), "status", "ringing"), Map.of());
        sameAsTheFilter(Map.of("to", "+15550404"), Map.of());
        sameAsTheFilter(Map.of(), Map.of());
    }

    @Test
    void timeRangesIncludingCallsAnsweredLongAfterTheirCreation() {
        Instant mid = T0.plus(Duration.ofHours(7));
        sameAsTheFilter(Map.of(), Map.of("startTime", new TimeRange(mid, null)));
        sameAsTheFilter(Map.of(), Map.of("startTime", new TimeRange(null, mid)));
        sameAsTheFilter(Map.of(), Map.of("startTime", new TimeRange(mid, mid.plus(Duration.ofHours(3)))));
        sameAsTheFilter(Map.of(), Map.of("endTime", new TimeRange(mid, null)));
        Map<String, TimeRange> both = new HashMap<>();
        both.put("startTime", new TimeRange(T0.plus(Duration.ofHours(2)), mid));
        both.put("endTime", new TimeRange(null, mid.plus(Duration.ofHours(5))));
        sameAsTheFilter(Map.of("to", TO.get(1)), both);
    }
}
