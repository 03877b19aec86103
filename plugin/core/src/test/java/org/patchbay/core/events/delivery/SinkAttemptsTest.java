package org.patchbay.core.events.delivery;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.events.Backoff;
import org.patchbay.core.events.EventPublisher;
import org.patchbay.core.events.EventType;
import org.patchbay.core.events.RoutedEvent;
import org.patchbay.core.events.sink.Sink;
import org.patchbay.core.events.sink.SinkStatus;
import org.patchbay.core.events.sink.SinkType;
import org.patchbay.core.notification.Notification;
import org.patchbay.core.notification.Notifications;
import org.patchbay.core.store.memory.MemoryStore;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retries, the drop at the end of the retry period (4 h by default, 300 ms here) and a sink's failed/active status. */
class SinkAttemptsTest {
    private static final String ACCOUNT = "AC" + "1".repeat(32);
    private static final DeliveryPolicy POLICY = new DeliveryPolicy(new Backoff(Duration.ofMillis(20), Duration.ofMillis(40)),
            Duration.ofMillis(300), 2, Duration.ofSeconds(5));

    Vertx vertx;
    MemoryStore store;
    SinkStats stats;
    Sink sink;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        store = new MemoryStore();
        stats = new SinkStats();
        Instant now = Instant.now();
        sink = Sink.create("DG" + "2".repeat(32), ACCOUNT, "hook", SinkType.WEBHOOK,
                Map.of("destination", "http://127.0.0.1:9/e", "method", "POST"), now).withStatus(SinkStatus.active, now);
        await(store.of(Sink.KIND).put(sink));
    }

    @AfterEach
    void stop() throws Exception {
        await(vertx.close());
    }

    @Test
    void eventsASinkNeverTakesAreDroppedAfterTheRetryPeriodWithANotification() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        SinkAttempts attempts = attempts(events -> {
            tries.incrementAndGet();
            return Future.failedFuture("503 from the sink");
        });
        long started = System.nanoTime();
        await(attempts.deliver(sink, "token", List.of(event(0), event(1))));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertTrue(tookMillis >= 200 && tookMillis < 5_000, "gave up after the retry period, not before: " + tookMillis + " ms");
        assertTrue(tries.get() >= 3, "retried: " + tries.get());
        assertEquals(2, attempts.dropped());
        assertEquals(2, stats.of(sink.sid()).dropped());
        assertEquals(tries.get(), stats.of(sink.sid()).failedAttempts());
        assertEquals("503 from the sink", stats.of(sink.sid()).lastFailure());
        List<Notification> logged = await(store.of(Notification.KIND).list(ACCOUNT, n -> true, 0, 10)).items();
        assertEquals(1, logged.size());
        assertTrue(logged.get(0).messageText().startsWith("2 event(s) dropped"), logged.get(0).messageText());
        assertTrue(logged.get(0).messageText().contains(sink.sid()), logged.get(0).messageText());
        waitFor(() -> status() == SinkStatus.failed);
    }

    @Test
    void aSinkThatRecoversGetsTheEventsOnceAndIsActiveAgain() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        SinkAttempts attempts = attempts(events -> tries.incrementAndGet() <= 2
                ? Future.failedFuture("connection refused") : Future.succeededFuture());
        await(attempts.deliver(sink, "token", List.of(event(0))));
        assertEquals(3, tries.get());
        assertEquals(0, attempts.dropped());
        assertEquals(1, stats.of(sink.sid()).delivered());
        assertTrue(stats.of(sink.sid()).lastLagMillis() >= 0);
        assertEquals(0, await(store.of(Notification.KIND).list(ACCOUNT, n -> true, 0, 10)).items().size());
        waitFor(() -> status() == SinkStatus.active);
    }

    @Test
    void eventsTheOutboundPolicyRefusesAreDroppedAtOnceWith11290NamingTheUrl() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        SinkAttempts attempts = attempts(events -> {
            tries.incrementAndGet();
            return Future.failedFuture(new PatchbayException(502, ErrorCode.OUTBOUND_REFUSED,
                    "refused by the outbound policy: 127.0.0.1 is 127.0.0.1, in denied range 127.0.0.0/8"));
        });
        await(attempts.deliver(sink, "token", List.of(event(0))));

        assertEquals(1, tries.get(), "the same address would be refused again: no retry");
        assertEquals(1, attempts.dropped());
        List<Notification> logged = await(store.of(Notification.KIND).list(ACCOUNT, n -> true, 0, 10)).items();
        assertEquals(1, logged.size());
        assertEquals(11290, logged.get(0).errorCode());
        assertEquals("http://127.0.0.1:9/e", logged.get(0).requestUrl());
        assertTrue(logged.get(0).messageText().contains(sink.sid()), logged.get(0).messageText());
        assertTrue(logged.get(0).messageText().contains("127.0.0.0/8"), logged.get(0).messageText());
    }

    private SinkAttempts attempts(java.util.function.Function<List<RoutedEvent>, Future<Void>> sending) {
        SinkTransport transport = new SinkTransport() {
            @Override
            public Future<Void> send(Sink to, String signingKey, List<RoutedEvent> events) {
                return sending.apply(events);
            }

            @Override
            public Future<Void> close() {
                return Future.succeededFuture();
            }
        };
        return new SinkAttempts(vertx, store, new Notifications(store, EventPublisher.none()), Map.of(SinkType.WEBHOOK, transport),
                POLICY, stats);
    }

    private static RoutedEvent event(int sequence) {
        return new RoutedEvent("EV" + sequence, EventType.of("io.patchbay.test.tick"), "node-a", ACCOUNT, "CA" + "3".repeat(32),
                Instant.now(), sequence, Map.of("n", sequence), Map.of());
    }

    private SinkStatus status() throws Exception {
        return await(store.of(Sink.KIND).get(sink.sid())).status();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + 5_000;
        while (!condition.call()) {
            assertTrue(System.currentTimeMillis() < deadline, "condition not met within 5 s");
            Thread.sleep(20);
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
