package org.patchbay.testkit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchbay.core.usage.Firing;
import org.patchbay.core.usage.Increment;
import org.patchbay.core.usage.Period;
import org.patchbay.core.usage.Tally;
import org.patchbay.core.usage.TriggerBy;
import org.patchbay.core.usage.UsageDelta;
import org.patchbay.core.usage.UsageStore;
import org.patchbay.core.usage.UsageTrigger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchbay.testkit.SampleRecords.sid;

/**
 * What every {@link UsageStore} promises, run against each implementation: counting per period,
 * exactly once per event id, and triggers that fire once per period even when two stores on the same
 * data (two nodes) count at once.
 */
public abstract class UsageContract {
    private static final String ACCOUNT = sid("AC", 1);
    private static final String FAMILY = UsageDelta.Scope.family(ACCOUNT);
    private static final Instant DAY_1 = Instant.parse("2026-03-31T23:00:00Z");
    private static final Instant DAY_2 = Instant.parse("2026-04-01T08:00:00Z");

    private Vertx vertx;
    private UsageStore store;
    private int events;

    /** A fresh store holding nothing; {@link #vertx()} is ready. */
    protected abstract UsageStore newStore();

    /** Another store on the same data as the last {@link #newStore()}, as a second node sees it. */
    protected abstract UsageStore sameData();

    protected final Vertx vertx() {
        return vertx;
    }

    protected static <T> T await(Future<T> future) {
        try {
            return future.await(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("usage store operation did not complete within 10 s", e);
        }
    }

    @BeforeEach
    final void open() {
        vertx = Vertx.vertx();
        store = newStore();
    }

    @AfterEach
    final void close() {
        try {
            await(store.close());
        } finally {
            await(vertx.close());
        }
    }

    @Test
    void countsIntoEveryPeriodOfTheDayItHappened() {
        record(store, DAY_1, new Increment("calls", new Tally(1, 3, 42_000)));
        record(store, DAY_2, new Increment("calls", new Tally(1, 2, 28_000)), new Increment("recordings", new Tally(1, 0, 0)));

        assertEquals(new Tally(1, 3, 42_000), read(Period.DAILY.bucket(day(DAY_1))).get("calls"));
        assertEquals(new Tally(1, 2, 28_000), read(Period.DAILY.bucket(day(DAY_2))).get("calls"));
        assertEquals(new Tally(1, 3, 42_000), read("m:2026-03").get("calls"));
        assertEquals(new Tally(2, 5, 70_000), read("y:2026").get("calls"));
        assertEquals(new Tally(2, 5, 70_000), read("all").get("calls"));
        assertEquals(new Tally(1, 0, 0), read("all").get("recordings"));
        assertEquals(new Tally(2, 5, 70_000), await(store.read(FAMILY, List.of("m:2026-03", "m:2026-04"))).get("calls"));
        assertNull(read("d:2026-01-01").get("calls"));
    }

    @Test
    void anEventDeliveredTwiceCountsOnce() {
        UsageDelta delta = delta("EV-twice", DAY_1, List.of(new Increment("calls", new Tally(1, 1, 0))));
        await(store.record(delta));
        await(store.record(delta));
        await(sameData().record(delta));
        assertEquals(new Tally(1, 1, 0), read("all").get("calls"));
    }

    @Test
    void aRedeliveredEventAnswersTheFiringsItCausedWithoutFiringAgain() {
        UsageTrigger trigger = trigger("UT", 10, TriggerBy.COUNT, "1", Period.DAILY);
        await(store.putTrigger(trigger));
        UsageDelta delta = delta("EV-fired", DAY_1, List.of(new Increment("calls", new Tally(1, 1, 0))));
        List<Firing> first = await(store.record(delta));
        assertEquals(List.of(new Firing(trigger.sid(), ACCOUNT, "d:2026-03-31", 1)), first);
        assertEquals(first, await(sameData().record(delta)), "the same firing, for its callback to be sent again");
        assertEquals(List.of(), call(DAY_1), "and still once in the period");
        assertEquals(new Tally(2, 2, 0), read("all").get("calls"));
    }

    @Test
    void aTriggerFiresOnceWhenCrossedAndNeverAgainUnlessRecurring() {
        UsageTrigger once = trigger("UT", 1, TriggerBy.COUNT, "2", null);
        await(store.putTrigger(once));

        assertEquals(List.of(), call(DAY_1));
        List<Firing> fired = call(DAY_1);
        assertEquals(1, fired.size());
        assertEquals(new Firing(once.sid(), ACCOUNT, "all", 2), fired.get(0));
        assertEquals(List.of(), call(DAY_1));
        assertEquals(List.of(), call(DAY_2));
        UsageTrigger read = await(store.trigger(once.sid()));
        assertEquals(DAY_1, read.dateFired());
    }

    @Test
    void aRecurringTriggerFiresAgainInTheNextPeriod() {
        UsageTrigger daily = trigger("UT", 2, TriggerBy.USAGE, "3", Period.DAILY);
        await(store.putTrigger(daily));

        assertEquals(List.of(), record(store, DAY_1, new Increment("calls", new Tally(1, 2, 0))));
        assertEquals(1, record(store, DAY_1, new Increment("calls", new Tally(1, 2, 0))).size());
        assertEquals(List.of(), record(store, DAY_1, new Increment("calls", new Tally(1, 2, 0))));
        List<Firing> nextDay = record(store, DAY_2, new Increment("calls", new Tally(1, 5, 0)));
        assertEquals(List.of(new Firing(daily.sid(), ACCOUNT, "d:2026-04-01", 5)), nextDay);
        assertEquals(DAY_2, await(store.trigger(daily.sid())).dateFired());
    }

    @Test
    void aPriceTriggerComparesMoneyToTheMillionth() {
        UsageTrigger price = trigger("UT", 3, TriggerBy.PRICE, "0.05", Period.MONTHLY);
        await(store.putTrigger(price));
        assertEquals(List.of(), record(store, DAY_1, new Increment("calls", new Tally(1, 1, 49_999))));
        assertEquals(List.of(new Firing(price.sid(), ACCOUNT, "m:2026-03", 50_000)),
                record(store, DAY_1, new Increment("calls", new Tally(1, 1, 1))));
    }

    @Test
    void onlyTriggersOfTheCategoryAndAccountFire() {
        await(store.putTrigger(trigger("UT", 4, TriggerBy.COUNT, "1", null)));
        UsageTrigger other = new UsageTrigger(sid("UT", 5), sid("AC", 2), null, "http://127.0.0.1/cb", "POST", "calls",
                TriggerBy.COUNT, BigDecimal.ONE, null, DAY_1, DAY_1, null);
        await(store.putTrigger(other));
        assertEquals(List.of(), record(store, DAY_1, new Increment("recordings", new Tally(1, 0, 0))));
        assertEquals(1, call(DAY_1).size());
    }

    @Test
    void twoNodesRacingPastATriggerFireItOnce() {
        UsageTrigger trigger = trigger("UT", 6, TriggerBy.COUNT, "50", Period.DAILY);
        await(store.putTrigger(trigger));
        UsageStore second = sameData();
        List<Future<List<Firing>>> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            UsageStore node = i % 2 == 0 ? store : second;
            all.add(node.record(delta("EV-race-" + i, DAY_1, List.of(new Increment("calls", new Tally(1, 1, 0))))));
        }
        await(Future.all(all));
        long firings = all.stream().mapToLong(f -> f.result().size()).sum();
        assertEquals(1, firings);
        assertEquals(new Tally(100, 100, 0), read("all").get("calls"));
        if (second != store) {
            await(second.close());
        }
    }

    @Test
    void triggersAreStoredListedNewestFirstAndDeleted() {
        UsageTrigger older = trigger("UT", 7, TriggerBy.COUNT, "10", null);
        UsageTrigger newer = new UsageTrigger(sid("UT", 8), ACCOUNT, "newer", "http://127.0.0.1/cb", "GET", "recordings",
                TriggerBy.USAGE, new BigDecimal("2.5"), Period.YEARLY, DAY_2, DAY_2, null);
        await(store.putTrigger(older));
        await(store.putTrigger(newer));
        assertEquals(List.of(newer, older), await(store.triggers(ACCOUNT)));
        assertEquals(newer, await(store.trigger(newer.sid())));

        UsageTrigger renamed = newer.withCallback("http://127.0.0.1/other", "POST", "renamed", DAY_2.plusSeconds(5));
        await(store.putTrigger(renamed));
        assertEquals(renamed, await(store.trigger(newer.sid())));

        assertTrue(await(store.deleteTrigger(older.sid())));
        assertFalse(await(store.deleteTrigger(older.sid())));
        assertNull(await(store.trigger(older.sid())));
        assertEquals(List.of(renamed), await(store.triggers(ACCOUNT)));
        assertEquals(List.of(), call(DAY_1), "a deleted trigger no longer fires");
    }

    @Test
    void aTriggerKeepsItsFiringWhenItsCallbackIsChanged() {
        UsageTrigger trigger = trigger("UT", 9, TriggerBy.COUNT, "1", Period.DAILY);
        await(store.putTrigger(trigger));
        assertEquals(1, call(DAY_1).size());
        await(store.putTrigger(trigger.withCallback("http://127.0.0.1/new", "GET", "n", DAY_1)));
        assertNotNull(await(store.trigger(trigger.sid())).dateFired());
        assertEquals(List.of(), call(DAY_1));
    }

    private List<Firing> call(Instant at) {
        return record(store, at, new Increment("calls", new Tally(1, 1, 0)));
    }

    private List<Firing> record(UsageStore target, Instant at, Increment... increments) {
        return await(target.record(delta("EV-" + (++events), at, List.of(increments))));
    }

    private static UsageDelta delta(String id, Instant at, List<Increment> increments) {
        List<String> buckets = Period.bucketsAt(at, ZoneOffset.UTC);
        return new UsageDelta(id, List.of(new UsageDelta.Scope(ACCOUNT, UsageDelta.Scope.own(ACCOUNT), false, buckets),
                new UsageDelta.Scope(ACCOUNT, FAMILY, true, buckets)), increments, at);
    }

    private Map<String, Tally> read(String bucket) {
        return await(store.read(FAMILY, List.of(bucket)));
    }

    private static java.time.LocalDate day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static UsageTrigger trigger(String prefix, int n, TriggerBy by, String value, Period recurring) {
        return new UsageTrigger(sid(prefix, n), ACCOUNT, "trigger " + n, "http://127.0.0.1/cb", "POST", "calls", by,
                new BigDecimal(value), recurring, DAY_1.minusSeconds(n), DAY_1, null);
    }
}
