package org.patchbay.server.usage;

import com.twilio.security.RequestValidator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchbay.core.account.Account;
import org.patchbay.core.events.RoutedEvent;
import org.patchbay.core.events.UsageTriggerFired;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.memory.MemoryStore;
import org.patchbay.core.usage.Period;
import org.patchbay.core.usage.Tally;
import org.patchbay.core.usage.TriggerBy;
import org.patchbay.core.usage.UsageDelta;
import org.patchbay.core.usage.UsageTrigger;
import org.patchbay.testkit.FakeAppServer;
import org.patchbay.testkit.FakeResponse;
import org.patchbay.testkit.RecordedRequest;
import org.patchbay.testkit.RedisServer;
import org.patchbay.testkit.SettableClock;
import org.patchbay.testkit.UsageEvents;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Usage triggers on a real Redis shared by two metering nodes, calling back a real HTTP server:
 * racing nodes fire once, recurring triggers fire again in the next period, callbacks are signed and retried.
 */
class UsageTriggersIT {
    private static final Instant DAY_1 = Instant.parse("2026-05-31T22:00:00Z");
    private static RedisServer redis;
    private Vertx vertx;
    private FakeAppServer app;
    private MemoryStore records;
    private SettableClock clock;
    private Account main;
    private Account sub;
    private UsageNode nodeA;
    private UsageNode nodeB;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void twoNodes() {
        vertx = Vertx.vertx();
        app = await(FakeAppServer.start(vertx));
        app.respond("/usage", FakeResponse.status(200));
        records = new MemoryStore();
        String mainSid = Sids.next(Sids.ACCOUNT);
        main = new Account(mainSid, mainSid, Sids.secret(), "main", Account.Status.active, DAY_1, DAY_1);
        sub = new Account(Sids.next(Sids.ACCOUNT), mainSid, Sids.secret(), "sub", Account.Status.active, DAY_1, DAY_1);
        await(records.of(Account.KIND).put(main));
        await(records.of(Account.KIND).put(sub));
        clock = new SettableClock(DAY_1);
        String prefix = "usage-test-" + UUID.randomUUID() + ":";
        nodeA = new UsageNode(vertx, redis.url(), prefix, records, clock, ZoneOffset.UTC);
        nodeB = new UsageNode(vertx, redis.url(), prefix, records, clock, ZoneOffset.UTC);
    }

    @AfterEach
    void stop() {
        nodeA.close();
        nodeB.close();
        await(vertx.close());
    }

    @Test
    void aTriggerCrossedByTwoNodesRacingFiresOnceWithinASecondSignedAndPublished() {
        UsageTrigger trigger = trigger(main.sid(), "calls", TriggerBy.COUNT, "30", Period.DAILY, "/usage");
        List<Future<Void>> counting = new ArrayList<>();
        Instant started = Instant.now();
        for (int i = 0; i < 60; i++) {
            UsageNode node = i % 2 == 0 ? nodeA : nodeB;
            counting.add(node.meter.count(call(main.sid(), "inbound", 61, DAY_1)));
        }
        await(Future.all(counting));
        RecordedRequest callback = await(app.awaitRequest("/usage"));
        sleep(Duration.ofMillis(500));
        assertEquals(1, app.requests("/usage").size(), "fired exactly once");
        assertTrue(Duration.between(started, callback.receivedAt()).toMillis() < 1000, "within a second of the events");

        assertEquals(main.sid(), callback.param("AccountSid"));
        assertEquals(trigger.sid(), callback.param("UsageTriggerSid"));
        assertEquals("30", callback.param("CurrentValue"));
        assertEquals("30", callback.param("TriggerValue"));
        assertEquals("daily", callback.param("Recurring"));
        assertEquals("calls", callback.param("UsageCategory"));
        assertEquals("count", callback.param("TriggerBy"));
        assertEquals("Sun, 31 May 2026 22:00:00 +0000", callback.param("DateFired"));
        assertEquals("/2010-04-01/Accounts/" + main.sid() + "/Usage/Records/Today.json?Category=calls", callback.param("UsageRecordUri"));
        assertEquals(main.sid() + "-FIRES-" + trigger.sid() + "-d-2026-05-31", callback.param("IdempotencyToken"));
        assertTrue(new RequestValidator(main.authToken()).validate(app.url("/usage"), callback.params(),
                callback.header("X-Twilio-Signature")), "signed with the account's auth token");

        List<Object> fired = new ArrayList<>(nodeA.published);
        fired.addAll(nodeB.published);
        assertEquals(1, fired.size());
        UsageTriggerFired event = (UsageTriggerFired) fired.get(0);
        assertEquals("io.patchbay.usage.trigger.fired", event.type().name());
        assertEquals(trigger.sid(), event.subject());
        assertEquals(callback.param("IdempotencyToken"), event.data().get("IdempotencyToken"));
        assertEquals(new Tally(60, 120, 0), read(UsageDelta.Scope.family(main.sid()), "all").get("calls"));
    }

    @Test
    void aRecurringDailyTriggerFiresAgainAfterTheDayRollsOver() {
        trigger(main.sid(), "calls", TriggerBy.USAGE, "3", Period.DAILY, "/usage");
        count(nodeA, call(main.sid(), "outbound-api", 125, DAY_1));
        await(app.awaitRequest("/usage"));
        count(nodeB, call(main.sid(), "outbound-api", 125, DAY_1.plusSeconds(60)));

        Instant day2 = DAY_1.plus(Duration.ofHours(3));
        clock.set(day2);
        count(nodeB, call(main.sid(), "outbound-api", 60, day2));
        sleep(Duration.ofMillis(300));
        assertEquals(1, app.requests("/usage").size(), "1 minute on day 2 is under 3");
        count(nodeA, call(main.sid(), "outbound-api", 121, day2));

        List<RecordedRequest> both = await(app.awaitRequests("/usage", 2, Duration.ofSeconds(10)));
        assertEquals("3", both.get(0).param("CurrentValue"));
        assertEquals("4", both.get(1).param("CurrentValue"));
        assertNotEquals(both.get(0).param("IdempotencyToken"), both.get(1).param("IdempotencyToken"));
        assertTrue(both.get(1).param("IdempotencyToken").endsWith("d-2026-06-01"));
        assertEquals("Mon, 01 Jun 2026 01:00:00 +0000", both.get(1).param("DateFired"));
    }

    @Test
    void aTriggerThatDoesNotRecurFiresOnceEver() {
        trigger(main.sid(), "calls-outbound", TriggerBy.COUNT, "1", null, "/usage");
        count(nodeA, call(main.sid(), "outbound-api", 10, DAY_1));
        await(app.awaitRequest("/usage"));
        clock.set(DAY_1.plus(Duration.ofDays(40)));
        count(nodeB, call(main.sid(), "outbound-api", 10, clock.instant()));
        sleep(Duration.ofMillis(300));
        assertEquals(1, app.requests("/usage").size());
    }

    @Test
    void aSubaccountsUsageCountsForItsOwnerAndFiresTheOwnersTrigger() {
        trigger(main.sid(), "calls", TriggerBy.COUNT, "2", Period.MONTHLY, "/usage");
        count(nodeA, call(sub.sid(), "inbound", 30, DAY_1));
        count(nodeB, call(main.sid(), "inbound", 30, DAY_1));
        RecordedRequest callback = await(app.awaitRequest("/usage"));
        assertEquals("2", callback.param("CurrentValue"));
        assertEquals(new Tally(1, 1, 0), read(UsageDelta.Scope.own(main.sid()), "m:2026-05").get("calls"));
        assertEquals(new Tally(2, 2, 0), read(UsageDelta.Scope.family(main.sid()), "m:2026-05").get("calls"));
        assertEquals(new Tally(1, 1, 0), read(UsageDelta.Scope.family(sub.sid()), "m:2026-05").get("calls"));
    }

    @Test
    void aFailedCallbackIsRetried() {
        app.respondInTurn("/retry", FakeResponse.status(503), FakeResponse.status(500), FakeResponse.status(204));
        trigger(main.sid(), "calls", TriggerBy.COUNT, "1", Period.DAILY, "/retry");
        count(nodeA, call(main.sid(), "inbound", 5, DAY_1));
        List<RecordedRequest> attempts = await(app.awaitRequests("/retry", 3, Duration.ofSeconds(10)));
        assertEquals(attempts.get(0).param("IdempotencyToken"), attempts.get(2).param("IdempotencyToken"));
        assertTrue(Duration.between(attempts.get(0).receivedAt(), attempts.get(1).receivedAt()).toMillis() >= 90, "backed off");
        sleep(Duration.ofMillis(500));
        assertEquals(3, app.requests("/retry").size(), "no attempt after the one that succeeded");
    }

    @Test
    void anEventDeliveredTwiceCountsOnceWhicheverNodeGetsIt() {
        RoutedEvent event = call(main.sid(), "inbound", 61, DAY_1);
        count(nodeA, event);
        count(nodeB, event);
        count(nodeA, event);
        assertEquals(new Tally(1, 2, 0), read(UsageDelta.Scope.family(main.sid()), "d:2026-05-31").get("calls"));
        assertEquals(new Tally(1, 2, 0), read(UsageDelta.Scope.family(main.sid()), "d:2026-05-31").get("calls-inbound"));
    }

    @Test
    void unansweredCallsCountNothingWhileClientSipRecordingsAndRejectionsCountInTheirCategories() {
        count(nodeA, UsageEvents.call(UUID.randomUUID().toString(), main.sid(), "busy", "outbound-api", "+1555", "+1666", 0, DAY_1));
        count(nodeA, UsageEvents.recordCompleted(UUID.randomUUID().toString(), main.sid(), 61, DAY_1));
        count(nodeA, UsageEvents.limitRejected(UUID.randomUUID().toString(), main.sid(), "concurrent-calls", DAY_1));
        count(nodeA, UsageEvents.callCompleted(UUID.randomUUID().toString(), main.sid(), "outbound-dial", "+1555", "client:alice", 59, DAY_1));
        count(nodeA, UsageEvents.callCompleted(UUID.randomUUID().toString(), main.sid(), "inbound", "sip:bob@example.com", "+1555", 60, DAY_1));
        var all = read(UsageDelta.Scope.family(main.sid()), "all");
        assertEquals(new Tally(2, 2, 0), all.get("calls"));
        assertEquals(new Tally(1, 1, 0), all.get("calls-client"));
        assertEquals(new Tally(1, 1, 0), all.get("calls-sip"));
        assertEquals(new Tally(1, 1, 0), all.get("calls-sip-inbound"));
        assertEquals(new Tally(1, 2, 0), all.get("recordings"), "61 s of recording: 2 minutes");
        assertEquals(new Tally(1, 1, 0), all.get("patchbay-call-rejections"));
        assertEquals(null, all.get("patchbay-api-rejections"));
        assertEquals(null, all.get("calls-outbound"), "a client leg is not a phone call, and a busy one costs nothing");
    }

    private UsageTrigger trigger(String account, String category, TriggerBy by, String value, Period recurring, String path) {
        UsageTrigger trigger = new UsageTrigger(Sids.next(Sids.USAGE_TRIGGER), account, "t", app.url(path), "POST", category, by,
                new BigDecimal(value), recurring, clock.instant(), clock.instant(), null);
        await(nodeA.store.putTrigger(trigger));
        return trigger;
    }

    private static RoutedEvent call(String account, String direction, long seconds, Instant at) {
        return UsageEvents.callCompleted(UUID.randomUUID().toString(), account, direction, "+15550001", "+15550002", seconds, at);
    }

    private static void count(UsageNode node, RoutedEvent event) {
        await(node.meter.count(event));
    }

    private java.util.Map<String, Tally> read(String counters, String bucket) {
        return await(nodeA.store.read(counters, List.of(bucket)));
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
