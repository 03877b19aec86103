package org.patchbay.core.limits;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.patchbay.core.limits.memory.MemoryLimiter;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two nodes' {@link SlotReuse} over one shared count (a {@link MemoryLimiter} standing in for Redis), which counts its takes. */
class SlotReuseTest {
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final long AFTER_LINGER_MS = SlotReuse.LINGER.toMillis() * 5;

    private final Vertx vertx = Vertx.vertx();
    private final CountingLimiter shared = new CountingLimiter(new MemoryLimiter());
    private final SlotReuse node = new SlotReuse(vertx, shared);
    private final SlotReuse otherNode = new SlotReuse(vertx, shared);

    @AfterEach
    void close() throws Exception {
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    @Test
    void requestsOneAfterAnotherTakeTheSharedCountOnceAndGiveItBackAfterTheLinger() {
        List<Counter> counters = List.of(new Counter("api:A", 10), new Counter("api:A:Calls", 0));
        for (int i = 0; i < 50; i++) {
            Admission admitted = await(node.acquire(counters, LEASE));
            assertEquals(1, admitted.inFlight());
            await(node.release(admitted.lease()));
        }
        // One take when nothing stalls this thread for a linger; a slot swept in between is taken once more.
        assertTrue(shared.takes.get() < 10, shared.takes.get() + " takes for fifty requests one after another");
        assertEquals(0, await(node.state("api:A")).inFlight(), "a lingering slot is not in flight");
        sleep(AFTER_LINGER_MS);
        assertEquals(0, await(shared.state("api:A")).inFlight());
        assertEquals(0, await(shared.state("api:A:Calls")).inFlight());
    }

    @Test
    void whatTheNodeKnowsOfTheOthersIsReadAgainOnceStale() {
        List<Counter> counters = List.of(new Counter("api:B", 10));
        Admission onOther = await(otherNode.acquire(counters, LEASE));
        Admission first = await(node.acquire(counters, LEASE));
        assertEquals(2, first.inFlight(), "the other node's request is counted");
        await(node.release(first.lease()));
        await(otherNode.release(onOther.lease()));
        long until = System.nanoTime() + 2 * SlotReuse.FRESH.toNanos() + Duration.ofMillis(50).toNanos();
        long told = -1;
        while (System.nanoTime() < until) {
            Admission reused = await(node.acquire(counters, LEASE));
            told = reused.inFlight();
            await(node.release(reused.lease()));
            sleep(2);
        }
        assertEquals(1, told, "once read again, the other node's request that ended is no longer counted");
        assertTrue(shared.takes.get() >= 3 && shared.takes.get() < 40, shared.takes.get() + " takes");
    }

    @Test
    void aSlotIsReusedOnlyWithinTheThresholdInForceNow() {
        List<Counter> five = List.of(new Counter("api:C", 5));
        Admission a = await(node.acquire(five, LEASE));
        Admission b = await(node.acquire(five, LEASE));
        Admission c = await(node.acquire(five, LEASE));
        await(node.release(c.lease()));
        Admission refused = await(node.acquire(List.of(new Counter("api:C", 2)), LEASE));
        assertFalse(refused.isAdmitted(), "two in flight against a threshold lowered to 2");
        assertEquals(2, refused.inFlight(), "the lingering slot is not told as in flight");
        assertEquals(2, await(shared.state("api:C")).inFlight(), "and was given back before the take was asked for");
        await(node.release(a.lease()));
        await(node.release(b.lease()));
    }

    @Test
    void atTheThresholdAnotherResourcesRequestGetsTheSlotLingeringForTheFirst() {
        Counter account = new Counter("api:D", 2);
        Admission calls = await(node.acquire(List.of(account, new Counter("api:D:Calls", 0)), LEASE));
        Admission lingering = await(node.acquire(List.of(account, new Counter("api:D:Calls", 0)), LEASE));
        await(node.release(lingering.lease()));
        Admission recordings = await(node.acquire(List.of(account, new Counter("api:D:Recordings", 0)), LEASE));
        assertTrue(recordings.isAdmitted(), "one request in flight of two: admitted although a Calls slot lingered");
        assertEquals(2, recordings.inFlight());
        await(node.release(calls.lease()));
        await(node.release(recordings.lease()));
    }

    @Test
    void anotherNodeIsRefusedForAtMostTheLingerWhileASlotLingersHere() {
        List<Counter> counters = List.of(new Counter("api:E", 1));
        await(node.release(await(node.acquire(counters, LEASE)).lease()));
        assertFalse(await(otherNode.acquire(counters, LEASE)).isAdmitted());
        sleep(AFTER_LINGER_MS);
        assertTrue(await(otherNode.acquire(counters, LEASE)).isAdmitted());
    }

    @Test
    void aSlotGivenBackTwiceLingersOnce() {
        List<Counter> counters = List.of(new Counter("api:F", 5));
        Admission held = await(node.acquire(counters, LEASE));
        await(node.release(held.lease()));
        await(node.release(held.lease()));
        Admission first = await(node.acquire(counters, LEASE));
        Admission second = await(node.acquire(counters, LEASE));
        assertTrue(!first.lease().id().equals(second.lease().id()), "one lease is never held by two requests");
        assertEquals(2, shared.takes.get());
    }

    @Test
    void closingGivesBackWhatLingers() {
        List<Counter> counters = List.of(new Counter("api:G", 5));
        await(node.release(await(node.acquire(counters, LEASE)).lease()));
        await(node.close());
        assertEquals(0, await(shared.state("api:G")).inFlight());
    }

    /** The shared count, and how many takes reached it. */
    private static final class CountingLimiter implements Limiter {
        final AtomicInteger takes = new AtomicInteger();
        private final Limiter limiter;

        CountingLimiter(Limiter limiter) {
            this.limiter = limiter;
        }

        @Override
        public Future<Admission> acquire(List<Counter> counters, Duration ttl, boolean countRefusal) {
            takes.incrementAndGet();
            return limiter.acquire(counters, ttl, countRefusal);
        }

        @Override
        public Future<Void> renew(Lease lease) {
            return limiter.renew(lease);
        }

        @Override
        public Future<Void> release(Lease lease) {
            return limiter.release(lease);
        }

        @Override
        public Future<CounterState> state(String key) {
            return limiter.state(key);
        }

        @Override
        public Future<Void> close() {
            return Future.succeededFuture();
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.await(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
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
