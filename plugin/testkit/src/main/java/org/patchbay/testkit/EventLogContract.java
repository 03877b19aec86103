package org.patchbay.testkit;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchbay.core.call.Cancellable;
import org.patchbay.core.events.EventDraft;
import org.patchbay.core.events.EventHandling;
import org.patchbay.core.events.EventLog;
import org.patchbay.core.events.EventType;
import org.patchbay.core.events.RoutedEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What every {@link EventLog} promises, run against each implementation: extend it and return a fresh,
 * empty log from {@link #newLog()}.
 */
public abstract class EventLogContract {
    private static final EventType TYPE = EventType.of("io.patchbay.test.happened");

    private Vertx vertx;
    private final List<EventLog> logs = new ArrayList<>();

    /** A fresh, empty log; {@link #vertx()} is ready when this is called. Call it twice for two nodes of one cluster. */
    protected abstract EventLog newLog();

    /** A second node's view of the same log as {@link #newLog()}'s last one, or null when the log is one node's only. */
    protected abstract EventLog sameLogOnAnotherNode();

    protected final Vertx vertx() {
        return vertx;
    }

    @BeforeEach
    final void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    final void stopVertx() throws Exception {
        for (EventLog log : logs) {
            log.close().await(10, TimeUnit.SECONDS);
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void appendingGivesUniqueIdsAndSequencesIncreasingPerSubject() throws Exception {
        EventLog log = track(newLog());
        List<RoutedEvent> appended = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            appended.add(await(log.append(draft("CA1", i))));
            appended.add(await(log.append(draft("CA2", i))));
        }
        assertEquals(10, appended.stream().map(RoutedEvent::id).distinct().count());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), appended.stream().filter(e -> e.subject().equals("CA1")).map(RoutedEvent::sequence).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), appended.stream().filter(e -> e.subject().equals("CA2")).map(RoutedEvent::sequence).toList());
        RoutedEvent first = appended.get(0);
        assertEquals("node-a", first.source());
        assertEquals("AC1", first.accountSid());
        assertEquals(Map.of("n", 0), first.data());
        assertEquals(Map.of("direction", "inbound"), first.facts());
    }

    @Test
    void aGroupGetsEveryEventAfterItJoinedInOrderPerSubjectAndAFailedOneAgain() throws Exception {
        EventLog log = track(newLog());
        await(log.append(draft("CA0", 0)));
        List<RoutedEvent> seen = new CopyOnWriteArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        Cancellable consumer = log.consume("sink-1", event -> {
            if (event.data().get("n").equals(2) && event.subject().equals("CA1") && failures.getAndIncrement() == 0) {
                return Future.failedFuture("receiver down");
            }
            seen.add(event);
            return Future.succeededFuture();
        });
        pause();
        for (int i = 0; i < 20; i++) {
            log.append(draft("CA" + (1 + i % 3), i / 3));
        }
        waitFor("20 events", () -> seen.size() >= 20);
        consumer.cancel();
        assertEquals(20, seen.size(), "each event once: " + seen);
        for (String subject : List.of("CA1", "CA2", "CA3")) {
            List<Long> order = seen.stream().filter(e -> e.subject().equals(subject)).map(RoutedEvent::sequence).toList();
            List<Long> sorted = order.stream().sorted().toList();
            assertEquals(sorted, order, "in order for " + subject);
        }
        assertTrue(seen.stream().noneMatch(e -> e.subject().equals("CA0")), "joined after CA0's event");
    }

    /**
     * A consumer that took events but had not settled them when it went (a node holding a webhook batch that
     * dies) leaves them to its group: the next consumer gets them again, with the same ids; a settled one stays done.
     */
    @Test
    void eventsTakenButNotSettledWhenTheirConsumerGoesAreHandedOverAgain() throws Exception {
        EventLog log = track(newLog());
        List<RoutedEvent> taken = new CopyOnWriteArrayList<>();
        Cancellable holding = log.consumeInSteps("batching", event -> {
            taken.add(event);
            Future<Void> settled = event.data().get("n").equals(0) ? Future.succeededFuture() : Promise.<Void>promise().future();
            return new EventHandling(Future.succeededFuture(), settled);
        });
        pause();
        for (int i = 0; i < 4; i++) {
            await(log.append(draft("CA1", i)));
        }
        waitFor("4 events taken one after the other", () -> taken.size() == 4);
        pause();
        holding.cancel();

        List<RoutedEvent> again = new CopyOnWriteArrayList<>();
        log.consume("batching", event -> { again.add(event); return Future.succeededFuture(); });
        waitFor("the unsettled events again", () -> again.size() >= 3);
        pause();
        assertEquals(taken.subList(1, 4).stream().map(RoutedEvent::id).toList(), again.stream().map(RoutedEvent::id).toList(),
                "the three unsettled events, in order, with their ids; not the settled one");
    }

    @Test
    void twoGroupsEachGetEverything() throws Exception {
        EventLog log = track(newLog());
        List<RoutedEvent> a = new CopyOnWriteArrayList<>();
        List<RoutedEvent> b = new CopyOnWriteArrayList<>();
        log.consume("a", event -> { a.add(event); return Future.succeededFuture(); });
        log.consume("b", event -> { b.add(event); return Future.succeededFuture(); });
        pause();
        for (int i = 0; i < 10; i++) {
            log.append(draft("CA1", i));
        }
        waitFor("both groups", () -> a.size() == 10 && b.size() == 10);
    }

    @Test
    void appendsIssuedTogetherKeepEachSubjectsOrderInSequencesAndDelivery() throws Exception {
        EventLog log = track(newLog());
        List<RoutedEvent> seen = new CopyOnWriteArrayList<>();
        log.consume("burst", event -> { seen.add(event); return Future.succeededFuture(); });
        pause();
        List<Future<RoutedEvent>> appending = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            appending.add(log.append(draft("CA" + (i % 7), i)));
        }
        await(Future.all(appending));
        for (int subject = 0; subject < 7; subject++) {
            String name = "CA" + subject;
            List<Long> sequences = appending.stream().map(Future::result).filter(e -> e.subject().equals(name))
                    .map(RoutedEvent::sequence).toList();
            assertEquals(java.util.stream.LongStream.rangeClosed(1, sequences.size()).boxed().toList(), sequences,
                    "sequences in the order the appends were issued, for " + name);
        }
        waitFor("300 events", () -> seen.size() >= 300);
        assertEquals(300, seen.stream().map(RoutedEvent::id).distinct().count());
        for (int subject = 0; subject < 7; subject++) {
            String name = "CA" + subject;
            List<Object> order = seen.stream().filter(e -> e.subject().equals(name)).map(e -> e.data().get("n")).toList();
            List<Object> expected = java.util.stream.IntStream.range(0, 300).filter(i -> i % 7 == Integer.parseInt(name.substring(2)))
                    .boxed().map(i -> (Object) i).toList();
            assertEquals(expected, order, "delivered in the order they were appended, for " + name);
        }
    }

    @Test
    void twoNodesAppendingOneSubjectAndSharingOneGroupDeliverOnceInOrder() throws Exception {
        EventLog first = track(newLog());
        EventLog second = sameLogOnAnotherNode();
        if (second == null) {
            return;
        }
        track(second);
        List<RoutedEvent> seen = new CopyOnWriteArrayList<>();
        first.consume("shared", event -> { seen.add(event); return Future.succeededFuture(); });
        second.consume("shared", event -> { seen.add(event); return Future.succeededFuture(); });
        pause();
        for (int i = 0; i < 30; i++) {
            await((i % 2 == 0 ? first : second).append(draft("CA" + (i % 5), i)));
        }
        waitFor("30 events", () -> seen.size() >= 30);
        pause();
        Set<String> ids = new HashSet<>();
        seen.forEach(e -> ids.add(e.id()));
        assertEquals(30, seen.size(), "once for the group, not once per node");
        assertEquals(30, ids.size());
        for (int subject = 0; subject < 5; subject++) {
            String name = "CA" + subject;
            List<Object> order = seen.stream().filter(e -> e.subject().equals(name)).map(e -> e.data().get("n")).toList();
            List<Object> expected = java.util.stream.IntStream.range(0, 30).filter(i -> i % 5 == Integer.parseInt(name.substring(2)))
                    .boxed().map(i -> (Object) i).toList();
            assertEquals(expected, order, "in the order the two nodes appended them, for " + name);
        }
    }

    @Test
    void aTailSeesLiveEventsAndAfterReplaysWhatFollowsAnId() throws Exception {
        EventLog log = track(newLog());
        List<RoutedEvent> live = new CopyOnWriteArrayList<>();
        Cancellable tail = log.tail(live::add);
        pause();
        RoutedEvent mark = await(log.append(draft("CA1", 0)));
        for (int i = 1; i < 4; i++) {
            await(log.append(draft("CA1", i)));
        }
        waitFor("4 live events", () -> live.size() == 4);
        tail.cancel();
        List<RoutedEvent> replay = await(log.after(mark.id(), 100));
        assertEquals(List.of(2L, 3L, 4L), replay.stream().map(RoutedEvent::sequence).toList());
        assertEquals(List.of(2L), await(log.after(mark.id(), 1)).stream().map(RoutedEvent::sequence).toList());
        assertTrue(await(log.after(live.get(3).id(), 10)).isEmpty());
    }

    @Test
    void anUnknownIdIsRefused() {
        EventLog log = track(newLog());
        try {
            await(log.after("not-an-id", 10));
            fail("an unreadable id must be refused");
        } catch (Exception expected) {
            assertTrue(expected instanceof IllegalArgumentException || expected.getCause() instanceof IllegalArgumentException,
                    expected.toString());
        }
    }

    protected static EventDraft draft(String subject, int n) {
        return new EventDraft(TYPE, "node-a", "AC1", subject, Instant.now(), Map.of("n", n), Map.of("direction", "inbound"));
    }

    protected final EventLog track(EventLog log) {
        logs.add(log);
        return log;
    }

    protected static <T> T await(Future<T> future) throws Exception {
        return future.await(10, TimeUnit.SECONDS);
    }

    /** Lets consumers that were just started reach the log before events are appended. */
    protected static void pause() throws InterruptedException {
        Thread.sleep(300);
    }

    protected static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
