package org.patchbay.testkit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchbay.core.limits.AccountLimits;
import org.patchbay.core.limits.AccountLimitsStore;
import org.patchbay.core.limits.Admission;
import org.patchbay.core.limits.CallPacer;
import org.patchbay.core.limits.Counter;
import org.patchbay.core.limits.Limiter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every limiter, pacer and thresholds store promises, run against each implementation: extend
 * it and return fresh, empty ones from {@link #open(Vertx)}.
 */
public abstract class LimitsContract {
    private static final Duration LEASE = Duration.ofSeconds(60);

    /** A limiter, the pacer sharing its state, and a thresholds store, all empty. */
    public record Limits(Limiter limiter, CallPacer pacer, AccountLimitsStore accountLimits) {
    }

    private Vertx vertx;
    private Limits limits;

    protected abstract Limits open(Vertx vertx);

    @BeforeEach
    final void openLimits() {
        vertx = Vertx.vertx();
        limits = open(vertx);
    }

    @AfterEach
    final void closeLimits() {
        await(limits.limiter().close());
        await(vertx.close());
    }

    @Test
    void admitsUpToTheThresholdThenRefusesAndCountsTheRefusals() {
        List<Counter> counters = List.of(new Counter("api:A", 3));
        for (int i = 1; i <= 3; i++) {
            Admission admitted = await(limits.limiter().acquire(counters, LEASE));
            assertTrue(admitted.isAdmitted());
            assertEquals(i, admitted.inFlight());
        }
        Admission refused = await(limits.limiter().acquire(counters, LEASE));
        assertFalse(refused.isAdmitted());
        assertEquals("api:A", refused.refusedBy());
        assertEquals(3, refused.inFlight());
        await(limits.limiter().acquire(counters, LEASE));
        assertEquals(3, await(limits.limiter().state("api:A")).inFlight());
        assertEquals(2, await(limits.limiter().state("api:A")).rejected());
    }

    @Test
    void takesAskedForTogetherAdmitExactlyTheThresholdAndAllGiveBackToZero() {
        List<Counter> counters = List.of(new Counter("api:T", 10), new Counter("api:TP", 0));
        List<Future<Admission>> asked = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            asked.add(limits.limiter().acquire(counters, LEASE));
        }
        await(Future.all(asked));
        List<Admission> admitted = asked.stream().map(Future::result).filter(Admission::isAdmitted).toList();
        assertEquals(10, admitted.size());
        assertEquals(java.util.stream.LongStream.rangeClosed(1, 10).boxed().toList(),
                admitted.stream().map(Admission::inFlight).sorted().toList(), "each admission tells its own in-flight count");
        assertEquals(40, await(limits.limiter().state("api:T")).rejected());
        await(Future.all(admitted.stream().map(a -> limits.limiter().release(a.lease())).toList()));
        assertEquals(0, await(limits.limiter().state("api:T")).inFlight());
        assertEquals(0, await(limits.limiter().state("api:TP")).inFlight());
    }

    @Test
    void aRetrysRefusalIsNotCountedAgain() {
        List<Counter> counters = List.of(new Counter("calls:Q", 1));
        assertTrue(await(limits.limiter().acquire(counters, LEASE)).isAdmitted());
        assertFalse(await(limits.limiter().acquire(counters, LEASE)).isAdmitted());
        for (int i = 0; i < 3; i++) {
            assertFalse(await(limits.limiter().acquire(counters, LEASE, false)).isAdmitted());
        }
        assertEquals(1, await(limits.limiter().state("calls:Q")).rejected());
    }

    @Test
    void takesASlotInEveryCountOrInNone() {
        Counter account = new Counter("api:S", 10);
        Counter parent = new Counter("api:P", 1);
        assertTrue(await(limits.limiter().acquire(List.of(account, parent), LEASE)).isAdmitted());
        Admission refused = await(limits.limiter().acquire(List.of(account, parent), LEASE));
        assertEquals("api:P", refused.refusedBy());
        assertEquals(1, await(limits.limiter().state("api:S")).inFlight(), "the refused request took nothing");
        assertEquals(0, await(limits.limiter().state("api:S")).rejected());
        assertEquals(1, await(limits.limiter().state("api:P")).rejected());
    }

    @Test
    void aSlotGivenBackIsFreeAtOnceAndGivingItBackTwiceChangesNothing() {
        List<Counter> counters = List.of(new Counter("calls:A", 1), new Counter("calls:P", 0));
        Admission first = await(limits.limiter().acquire(counters, LEASE));
        Admission second = await(limits.limiter().acquire(List.of(new Counter("calls:B", 0), new Counter("calls:P", 0)), LEASE));
        await(limits.limiter().release(first.lease()));
        await(limits.limiter().release(first.lease()));
        assertEquals(0, await(limits.limiter().state("calls:A")).inFlight());
        assertEquals(1, await(limits.limiter().state("calls:P")).inFlight(), "the other lease keeps its slot");
        assertTrue(await(limits.limiter().acquire(counters, LEASE)).isAdmitted());
        await(limits.limiter().release(second.lease()));
    }

    @Test
    void anUnlimitedCountIsStillCounted() {
        List<Counter> counters = List.of(new Counter("calls:A", 0));
        for (int i = 0; i < 5; i++) {
            assertTrue(await(limits.limiter().acquire(counters, LEASE)).isAdmitted());
        }
        assertEquals(5, await(limits.limiter().state("calls:A")).inFlight());
    }

    @Test
    void aSlotNeverGivenBackExpiresAfterItsLease() {
        List<Counter> counters = List.of(new Counter("api:dead", 1));
        assertTrue(await(limits.limiter().acquire(counters, Duration.ofMillis(300))).isAdmitted());
        assertFalse(await(limits.limiter().acquire(counters, LEASE)).isAdmitted());
        sleep(450);
        assertEquals(0, await(limits.limiter().state("api:dead")).inFlight());
        assertTrue(await(limits.limiter().acquire(counters, LEASE)).isAdmitted());
    }

    @Test
    void aRenewedSlotOutlivesItsFirstLease() {
        List<Counter> counters = List.of(new Counter("api:long", 1));
        Admission held = await(limits.limiter().acquire(counters, Duration.ofMillis(400)));
        for (int i = 0; i < 4; i++) {
            sleep(200);
            await(limits.limiter().renew(held.lease()));
        }
        assertEquals(1, await(limits.limiter().state("api:long")).inFlight());
        assertFalse(await(limits.limiter().acquire(counters, LEASE)).isAdmitted());
    }

    @Test
    void aStartGoesOnlyWhenTheRateHasRoomAndIsToldHowLongToWait() {
        assertEquals(0L, await(limits.pacer().tryStart("cps:A", 20)), "the first start goes at once");
        long wait = await(limits.pacer().tryStart("cps:A", 20));
        assertTrue(wait > 0 && wait <= 50, "the next one waits up to one interval, not " + wait + " ms");
        assertEquals(0L, await(limits.pacer().tryStart("cps:B", 20)), "another key has a rate of its own");
        sleep(wait);
        assertEquals(0L, await(limits.pacer().tryStart("cps:A", 20)), "asked again after the wait, it goes");
        assertTrue(await(limits.pacer().tryStart("cps:A", 20)) > 0, "and books the rate's room again");
    }

    @Test
    void startsThatWaitAsToldKeepTheRateWithNoSecondOverIt() {
        List<Long> starts = new ArrayList<>();
        long from = System.nanoTime();
        while (starts.size() < 25) {
            long wait = await(limits.pacer().tryStart("cps:steady", 20));
            if (wait == 0) {
                starts.add((System.nanoTime() - from) / 1_000_000);
            } else {
                sleep(wait);
            }
        }
        long span = starts.get(starts.size() - 1) - starts.get(0);
        assertTrue(span >= 24 * 50 - 50, "25 starts at 20/s span " + span + " ms: " + starts);
        for (long at : starts) {
            // Measured on this side of the pacer, whose clock may be another process's: one start of slack.
            assertTrue(starts.stream().filter(t -> t >= at && t < at + 1_000).count() <= 22, "starts " + starts);
        }
    }

    @Test
    void aPaceUnusedForAWhileStartsAtOnce() {
        await(limits.pacer().tryStart("cps:idle", 10));
        sleep(150);
        assertEquals(0L, await(limits.pacer().tryStart("cps:idle", 10)));
    }

    @Test
    void thresholdsStoreKeepsAnAccountsOwnValues() {
        assertEquals(AccountLimits.none("AC1"), await(limits.accountLimits().get("AC1")));
        AccountLimits own = new AccountLimits("AC1", 10, 2, null, Map.of("Calls", 3));
        await(limits.accountLimits().put(own));
        assertEquals(own, await(limits.accountLimits().get("AC1")));
        assertEquals(AccountLimits.none("AC2"), await(limits.accountLimits().get("AC2")));
    }

    protected static <T> T await(Future<T> future) {
        try {
            return future.await(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("limits operation did not complete within 10s", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
