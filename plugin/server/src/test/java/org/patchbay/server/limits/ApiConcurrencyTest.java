package org.patchbay.server.limits;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.adapters.redis.limits.RedisLimiter;
import org.patchbay.core.events.LimitRejected;
import org.patchbay.core.events.LocalEvents;
import org.patchbay.core.limits.Counter;
import org.patchbay.core.limits.LimitPolicy;
import org.patchbay.server.e2e.Harness;
import org.patchbay.testkit.RedisServer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API concurrency limit over real HTTP and a real Redis: requests held open by clients that
 * trickle their bodies, clients that go away, and slots left behind by a node that died.
 */
class ApiConcurrencyTest {
    static final String ACCOUNT = "AC" + "1".repeat(32);
    static final String TOKEN = "t".repeat(32);
    static final String AUTH = HeldRequest.basic(ACCOUNT, TOKEN);
    static final String PATH = "/2010-04-01/Accounts/" + ACCOUNT + ".json";
    private static RedisServer redis;

    @TempDir
    Path dataDir;
    Harness node;
    String prefix;
    RedisLimiter probe;
    final List<HeldRequest> held = new ArrayList<>();
    final List<LimitRejected> rejections = new CopyOnWriteArrayList<>();

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
        prefix = "api-limits-" + System.nanoTime() + ":";
        node = Harness.start(dataDir, Map.of("PATCHBAY_REDIS_URL", redis.url(), "PATCHBAY_REDIS_PREFIX", prefix,
                "PATCHBAY_ACCOUNT_SID", ACCOUNT, "PATCHBAY_AUTH_TOKEN", TOKEN, "PATCHBAY_LIMIT_API_CONCURRENCY", "10"));
        probe = new RedisLimiter(node.vertx, redis.url(), prefix);
        node.vertx.eventBus().<Object>localConsumer(LocalEvents.ADDRESS, message -> {
            if (message.body() instanceof LimitRejected rejected) {
                rejections.add(rejected);
            }
        });
    }

    @AfterEach
    void stop() {
        held.forEach(HeldRequest::close);
        Harness.await(probe.close());
        node.close();
    }

    long inFlight() {
        return Harness.await(probe.state(LimitPolicy.apiKey(ACCOUNT))).inFlight();
    }

    HeldRequest hold(int port) {
        HeldRequest request = HeldRequest.open(port, PATH, AUTH, "FriendlyName=held");
        held.add(request);
        return request;
    }

    @Test
    void fiftyHeldRequestsAgainstTenGiveTenInFlightAndFortyTooManyRequests() {
        int port = node.patchbay.httpPort();
        List<HeldRequest> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            requests.add(hold(port));
        }
        List<HeldRequest> admitted = new ArrayList<>();
        int refused = 0;
        for (HeldRequest request : requests) {
            HeldRequest.Answer answer = request.answer(Duration.ofMillis(300));
            if (answer == null) {
                admitted.add(request);
                continue;
            }
            refused++;
            assertEquals(429, answer.status(), answer.body());
            assertEquals(20429, new JsonObject(answer.body()).getInteger("code"));
            assertEquals("1", answer.header("Retry-After"));
            assertEquals("10", answer.header("Twilio-Concurrent-Requests"));
        }
        assertEquals(40, refused);
        assertEquals(10, admitted.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(10, inFlight(), "in flight while the bodies trickle");
            Harness.sleep(Duration.ofMillis(50));
        }
        for (HeldRequest request : admitted) {
            request.finish();
            HeldRequest.Answer answer = request.answer(Duration.ofSeconds(5));
            assertNotNull(answer);
            assertEquals(200, answer.status(), answer.body());
            assertNotNull(answer.header("Twilio-Concurrent-Requests"));
        }
        node.waitUntil("every slot given back", () -> inFlight() == 0);
        node.waitUntil("40 rejection events", () -> rejections.size() == 40);
        LimitRejected rejected = rejections.get(0);
        assertEquals(ACCOUNT, rejected.accountSid());
        assertEquals("io.patchbay.limits.rejected", rejected.type().name());
        assertEquals(Map.of("limit", "api-concurrency", "count", "api:" + ACCOUNT, "in_flight", 10L, "detail", "POST Accounts"),
                rejected.data());
    }

    @Test
    void aClientThatDisconnectsMidRequestFreesItsSlotAtOnce() {
        int port = node.patchbay.httpPort();
        List<HeldRequest> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.add(hold(port));
        }
        node.waitUntil("ten in flight", () -> inFlight() == 10);
        assertEquals(429, hold(port).answer(Duration.ofSeconds(2)).status());

        requests.get(0).close();
        long gone = System.nanoTime();
        node.waitUntil("the slot freed", () -> inFlight() == 9);
        assertTrue(System.nanoTime() - gone < Duration.ofMillis(500).toNanos(), "freed at once, not after a lease");
        HeldRequest next = hold(port);
        assertNull(next.answer(Duration.ofMillis(300)), "admitted and served");
        next.finish();
        assertEquals(200, next.answer(Duration.ofSeconds(5)).status());
        requests.forEach(HeldRequest::close);
        node.waitUntil("every slot given back", () -> inFlight() == 0);
    }

    @Test
    void slotsOfADeadNodeAreFreeAfterTheirLease() {
        Vertx vertx = node.vertx;
        RedisLimiter deadNode = new RedisLimiter(vertx, redis.url(), prefix);
        for (int i = 0; i < 10; i++) {
            assertTrue(Harness.await(deadNode.acquire(List.of(new Counter(LimitPolicy.apiKey(ACCOUNT), 10)),
                    Duration.ofMillis(800))).isAdmitted());
        }
        Harness.await(deadNode.close());
        int port = node.patchbay.httpPort();
        assertEquals(429, hold(port).answer(Duration.ofSeconds(2)).status(), "the dead node's slots still count");
        Harness.sleep(Duration.ofMillis(900));
        HeldRequest after = hold(port);
        after.finish();
        assertEquals(200, after.answer(Duration.ofSeconds(5)).status(), "its slots expired with their lease");
        node.waitUntil("every slot given back", () -> inFlight() == 0);
    }
}
