package org.patchbay.adapters.redis.events;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchbay.core.events.EventDraft;
import org.patchbay.core.events.EventType;
import org.patchbay.core.events.RoutedEvent;
import org.patchbay.testkit.RedisServer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a consumer had not finished when its node went away is handed to the next holder, in order; nothing is lost. */
class RedisEventLogRestartIT {
    private static RedisServer redis;
    private Vertx vertx;
    private String prefix;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        prefix = "restart-" + UUID.randomUUID() + ":";
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void aStoppedNodesUnfinishedEventsGoToTheNextOneInOrder() throws Exception {
        RedisEventLog first = log("node-a", Duration.ofSeconds(2));
        AtomicInteger handled = new AtomicInteger();
        Set<String> doneByFirst = new HashSet<>();
        first.consume("sink", event -> {
            if (handled.incrementAndGet() > 5) {
                return Promise.<Void>promise().future();
            }
            doneByFirst.add(event.id());
            return Future.succeededFuture();
        });
        Thread.sleep(300);
        for (int i = 0; i < 20; i++) {
            first.append(draft("CA" + (i % 4), i)).await(5, TimeUnit.SECONDS);
        }
        waitFor(() -> handled.get() >= 8);
        first.close().await(5, TimeUnit.SECONDS);

        RedisEventLog second = log("node-b", Duration.ofSeconds(2));
        List<RoutedEvent> seen = new CopyOnWriteArrayList<>();
        second.consume("sink", event -> {
            seen.add(event);
            return Future.succeededFuture();
        });
        waitFor(() -> seen.size() + doneByFirst.size() >= 20);
        Set<String> all = new HashSet<>(doneByFirst);
        seen.forEach(e -> all.add(e.id()));
        assertEquals(20, all.size(), "every event handled by one node or the other");
        for (int s = 0; s < 4; s++) {
            String subject = "CA" + s;
            List<Long> order = seen.stream().filter(e -> e.subject().equals(subject)).map(RoutedEvent::sequence).toList();
            assertEquals(order.stream().sorted().toList(), order, "in order for " + subject);
        }
        second.close().await(5, TimeUnit.SECONDS);
    }

    @Test
    void aCrashedNodesLeaseExpiresAndAnotherNodeClaimsItsEvents() throws Exception {
        RedisEventLog crashed = log("node-a", Duration.ofMillis(600));
        AtomicInteger handed = new AtomicInteger();
        crashed.consume("sink", event -> {
            handed.incrementAndGet();
            return Promise.<Void>promise().future();
        });
        Thread.sleep(300);
        for (int i = 0; i < 6; i++) {
            crashed.append(draft("CA1", i)).await(5, TimeUnit.SECONDS);
        }
        waitFor(() -> handed.get() >= 1);
        RedisEventLog survivor = log("node-b", Duration.ofMillis(600));
        List<RoutedEvent> seen = new CopyOnWriteArrayList<>();
        survivor.consume("sink", event -> {
            seen.add(event);
            return Future.succeededFuture();
        });
        Thread.sleep(300);
        assertTrue(seen.isEmpty(), "the crashed node still holds the lease");
        vertx.close().await(10, TimeUnit.SECONDS);
        vertx = Vertx.vertx();
        RedisEventLog afterCrash = log("node-b", Duration.ofMillis(600));
        afterCrash.consume("sink", event -> {
            seen.add(event);
            return Future.succeededFuture();
        });
        waitFor(() -> seen.size() >= 6);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), seen.stream().map(RoutedEvent::sequence).toList());
        afterCrash.close().await(5, TimeUnit.SECONDS);
    }

    private RedisEventLog log(String node, Duration lease) {
        return new RedisEventLog(vertx, redis.url(), prefix, node, 2, Duration.ofHours(1),
                new ReaderTiming(lease, Duration.ofMillis(20), 100));
    }

    private static EventDraft draft(String subject, int n) {
        return new EventDraft(EventType.of("io.patchbay.test.happened"), "node", "AC1", subject, Instant.now(), Map.of("n", n), Map.of());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(20);
        }
    }
}
