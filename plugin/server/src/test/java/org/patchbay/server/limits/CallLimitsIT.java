package org.patchbay.server.limits;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.AriRequest;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.call.CallApp;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.livecall.OutboundCall;
import org.patchbay.core.events.CallStatusChanged;
import org.patchbay.core.events.LimitRejected;
import org.patchbay.core.events.LocalEvents;
import org.patchbay.core.notification.Notification;
import org.patchbay.server.e2e.Harness;
import org.patchbay.testkit.RedisServer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchbay.server.limits.ApiConcurrencyIT.ACCOUNT;
import static org.patchbay.server.limits.ApiConcurrencyIT.TOKEN;

/** Concurrent calls and calls per second, counted in a real Redis, as callers and the REST API meet them. */
class CallLimitsIT {
    private static final String HOLD = "<Response><Play loop=\"0\">sound:tt-monkeys</Play></Response>";
    private static RedisServer redis;

    @TempDir
    Path dataDir;
    Harness h;
    /** When each call was started (its "initiated" event), in wall-clock nanoseconds. */
    final Map<String, Long> initiated = new ConcurrentHashMap<>();
    final List<LimitRejected> rejections = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    void start(Map<String, String> limits) {
        start("PATCHBAY_REDIS_URL", limits);
    }

    /** {@code redisSetting}: the store and the limits in Redis, or ({@code PATCHBAY_LIMIT_REDIS_URL}) the limits alone. */
    void start(String redisSetting, Map<String, String> limits) {
        Map<String, String> env = new HashMap<>(Map.of(redisSetting, redis.url(),
                "PATCHBAY_REDIS_PREFIX", "call-limits-" + System.nanoTime() + ":", "PATCHBAY_ACCOUNT_SID", ACCOUNT,
                "PATCHBAY_AUTH_TOKEN", TOKEN));
        env.putAll(limits);
        h = Harness.start(dataDir, env);
        h.app.respond("/voice", HOLD);
        h.vertx.eventBus().<Object>localConsumer(LocalEvents.ADDRESS, message -> {
            if (message.body() instanceof CallStatusChanged changed && changed.progress().equals("initiated")) {
                initiated.putIfAbsent(changed.call().sid(), System.nanoTime());
            } else if (message.body() instanceof LimitRejected rejected) {
                rejections.add(rejected);
            }
        });
    }

    CallRecord create() {
        return Harness.await(h.patchbay.liveCalls().create(new OutboundCall(ACCOUNT, "+15557008000", "+15550001111", null,
                CallApp.of(h.app.url("/voice")), null, 30, 0, null, false)));
    }

    CallRecord stored(String sid) {
        return Harness.await(h.patchbay.store().of(CallRecord.KIND).get(sid));
    }

    void awaitStatus(CallRecord call, CallStatus status) {
        h.waitUntil(call.sid() + " " + status, () -> stored(call.sid()) != null && stored(call.sid()).status() == status);
    }

    @Test
    void anInboundCallOverTheLimitIsBusyBeforeAnythingIsFetched() {
        start(Map.of("PATCHBAY_LIMIT_CALLS_CONCURRENT", "1"));
        h.number("+15550100", "/voice", null, null);
        InboundCall first = h.call("+15559990001", "+15550100");
        h.recordOf(first.channelId(), r -> r.status() == CallStatus.IN_PROGRESS);

        InboundCall second = h.call("+15559990002", "+15550100");
        h.waitUntil("the second caller hung up busy", () -> Harness.await(h.asterisk.requests()).stream()
                .anyMatch(r -> isBusyHangup(r, second.channelId())));
        assertEquals(1, h.app.requests().stream().filter(r -> r.path().equals("/voice")).count(), "nothing fetched for the second");
        h.waitUntil("a 10004 notification", () -> Harness.await(h.patchbay.store().of(Notification.KIND)
                .list(ACCOUNT, n -> n.errorCode() == 10004, 0, 10)).items().size() == 1);

        h.waitUntil("a rejection event", () -> rejections.size() == 1);
        assertEquals("concurrent-calls", rejections.get(0).limit());
        assertEquals("calls:" + ACCOUNT, rejections.get(0).count());

        Harness.await(h.asterisk.hangUp(first.callerChannelId()));
        h.finished(first.channelId());
        InboundCall third = h.call("+15559990003", "+15550100");
        h.recordOf(third.channelId(), r -> r.status() == CallStatus.IN_PROGRESS);
        Harness.await(h.asterisk.hangUp(third.callerChannelId()));
        h.finished(third.channelId());
    }

    @Test
    void aDialLegOverTheLimitEndsTheDialFailedWithA10004() {
        start(Map.of("PATCHBAY_LIMIT_CALLS_CONCURRENT", "1"));
        h.number("+15550200", "/dial", null, null);
        h.app.respond("/dial", "<Response><Dial action=\"/after\" timeout=\"5\">+15557001000</Dial></Response>");
        h.app.respond("/after", "<Response><Hangup/></Response>");
        InboundCall caller = h.call("+15559990001", "+15550200");

        assertEquals("failed", Harness.await(h.app.awaitRequest("/after")).param("DialCallStatus"));
        h.finished(caller.channelId());
        h.waitUntil("a 10004 notification on the call", () -> Harness.await(h.patchbay.store().of(Notification.KIND)
                .list(ACCOUNT, n -> n.errorCode() == 10004 && n.callSid() != null, 0, 10)).items().size() == 1);
        assertTrue(Harness.await(h.asterisk.requests()).stream().noneMatch(r -> r.method().equals("POST")
                && r.path().startsWith("/channels") && r.query().contains("15557001000")), "the leg was never rung");
        h.waitUntil("a rejection event", () -> rejections.size() == 1);
    }

    private static boolean isBusyHangup(AriRequest request, String channelId) {
        return request.method().equals("DELETE") && request.path().equals("/channels/" + channelId) && request.query().contains("busy");
    }

    @Test
    void queuedApiCallsStartInOrderWhenSlotsFreeAndCanBeCanceledWhileQueued() {
        start(Map.of("PATCHBAY_LIMIT_CALLS_CONCURRENT", "1"));
        List<CallRecord> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(create());
        }
        awaitStatus(calls.get(0), CallStatus.IN_PROGRESS);
        for (int i = 1; i < 4; i++) {
            assertEquals(CallStatus.QUEUED, stored(calls.get(i).sid()).status(), "call " + i + " waits");
        }
        CallRecord canceled = Harness.await(h.patchbay.liveCalls().end(ACCOUNT, calls.get(1).sid(), CallStatus.CANCELED));
        assertEquals(CallStatus.CANCELED, canceled.status());

        Harness.await(h.patchbay.liveCalls().end(ACCOUNT, calls.get(0).sid(), CallStatus.COMPLETED));
        awaitStatus(calls.get(2), CallStatus.IN_PROGRESS);
        assertEquals(CallStatus.QUEUED, stored(calls.get(3).sid()).status(), "the last waits for the next free slot");
        Harness.await(h.patchbay.liveCalls().end(ACCOUNT, calls.get(2).sid(), CallStatus.COMPLETED));
        awaitStatus(calls.get(3), CallStatus.IN_PROGRESS);
        Harness.await(h.patchbay.liveCalls().end(ACCOUNT, calls.get(3).sid(), CallStatus.COMPLETED));

        assertEquals(CallStatus.CANCELED, stored(calls.get(1).sid()).status());
        assertTrue(!initiated.containsKey(calls.get(1).sid()), "the canceled call was never started");
        assertTrue(initiated.get(calls.get(2).sid()) < initiated.get(calls.get(3).sid()), "started in creation order");
    }

    @Test
    void aDrainingNodeCancelsTheCallsItHeldQueued() {
        start(Map.of("PATCHBAY_LIMIT_CALLS_CONCURRENT", "1", "PATCHBAY_DRAIN_TIME", "1s"));
        CallRecord live = create();
        CallRecord queued = create();
        awaitStatus(live, CallStatus.IN_PROGRESS);
        assertEquals(CallStatus.QUEUED, stored(queued.sid()).status());
        Harness.await(h.patchbay.drain());
        assertEquals(CallStatus.CANCELED, stored(queued.sid()).status(), "not left queued by a node that left");
        assertTrue(!initiated.containsKey(queued.sid()), "never started");
        assertEquals(CallStatus.COMPLETED, stored(live.sid()).status());
    }

    @Test
    void aCallQueuedLongerThanTheQueueTimeoutFails() {
        start(Map.of("PATCHBAY_LIMIT_CALLS_CONCURRENT", "1", "PATCHBAY_LIMIT_QUEUE_TIMEOUT", "1s"));
        CallRecord live = create();
        awaitStatus(live, CallStatus.IN_PROGRESS);
        CallRecord waiting = create();
        awaitStatus(waiting, CallStatus.FAILED);
        assertTrue(!initiated.containsKey(waiting.sid()));
        Harness.await(h.patchbay.liveCalls().end(ACCOUNT, live.sid(), CallStatus.COMPLETED));
        h.waitUntil("the call ended", () -> stored(live.sid()).status().isFinal());
    }

    @Test
    void apiCallsStartEvenlyAtTheAccountsCallsPerSecondInCreationOrder() {
        // Records in memory: creating a call must take far less than the 100 ms between starts, or a loaded
        // machine's slow creations, not the pacing, would set the spacing measured here.
        start("PATCHBAY_LIMIT_REDIS_URL", Map.of("PATCHBAY_LIMIT_CALLS_CPS", "10"));
        List<CallRecord> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(create());
        }
        h.waitUntil("all started", () -> calls.stream().allMatch(c -> initiated.containsKey(c.sid())));
        List<Long> starts = calls.stream().map(c -> initiated.get(c.sid()) / 1_000_000).toList();
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < starts.size(); i++) {
            gaps.add(starts.get(i) - starts.get(i - 1));
        }
        for (int i = 1; i < starts.size(); i++) {
            assertTrue(starts.get(i) > starts.get(i - 1), "call " + i + " started after the one created before it: gaps " + gaps);
        }
        long span = starts.get(starts.size() - 1) - starts.get(0);
        assertTrue(span >= 1_000 && span <= 1_400, "12 starts at 10/s span " + span + " ms, not about 1100: gaps " + gaps);
        assertEquals(100, gaps.stream().sorted().toList().get(gaps.size() / 2), 20, "the usual gap: " + gaps);
        for (long from : starts) {
            assertTrue(starts.stream().filter(t -> t >= from && t < from + 1_000).count() <= 11, "at most 11 starts in any second: " + gaps);
        }
        calls.forEach(c -> Harness.await(h.patchbay.liveCalls().end(ACCOUNT, c.sid(), CallStatus.COMPLETED)));
        h.waitUntil("every call ended", () -> calls.stream().allMatch(c -> stored(c.sid()).status().isFinal()));
    }
}
