package org.patchbay.server.limits;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.core.limits.SlotReuse;
import org.patchbay.server.Patchbay;
import org.patchbay.server.config.ConfigLoader;
import org.patchbay.server.e2e.Harness;
import org.patchbay.testkit.RedisServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchbay.server.limits.ApiConcurrencyIT.ACCOUNT;
import static org.patchbay.server.limits.ApiConcurrencyIT.AUTH;
import static org.patchbay.server.limits.ApiConcurrencyIT.PATH;
import static org.patchbay.server.limits.ApiConcurrencyIT.TOKEN;

/** Two Patchbay nodes on one Redis count one limit, and a threshold changed on one applies on the other within a second. */
class TwoNodesLimitsIT {
    private static RedisServer redis;

    @TempDir
    Path dataDir;
    @TempDir
    Path otherDataDir;
    Harness a;
    Patchbay b;
    final List<HeldRequest> held = new ArrayList<>();

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
        Map<String, String> shared = Map.of("PATCHBAY_SECRETS_KEY", Harness.SHARED_SECRETS_KEY, "PATCHBAY_REDIS_URL", redis.url(), "PATCHBAY_REDIS_PREFIX", "two-limits-" + System.nanoTime() + ":",
                "PATCHBAY_ACCOUNT_SID", ACCOUNT, "PATCHBAY_AUTH_TOKEN", TOKEN, "PATCHBAY_LIMIT_API_CONCURRENCY", "10");
        a = Harness.start(dataDir, shared);
        Map<String, String> env = new HashMap<>(shared);
        env.putAll(Map.of("PATCHBAY_HTTP_PORT", "0", "PATCHBAY_ARI_URL", a.asterisk.baseUrl(), "PATCHBAY_ARI_USER", "patchbay",
                "PATCHBAY_ARI_PASSWORD", "sim-secret", "PATCHBAY_DATA_DIR", otherDataDir.toString(), "PATCHBAY_EVENT_LOOPS", "2"));
        b = Harness.await(Patchbay.start(a.vertx, ConfigLoader.load(env)));
    }

    @AfterEach
    void stop() {
        held.forEach(HeldRequest::close);
        Harness.await(b.stop());
        a.close();
    }

    HeldRequest hold(Patchbay node) {
        HeldRequest request = HeldRequest.open(node.httpPort(), PATH, AUTH, "FriendlyName=held");
        held.add(request);
        return request;
    }

    @Test
    void twoNodesEnforceOneLimit() {
        List<HeldRequest> admitted = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            HeldRequest request = hold(i < 6 ? a.patchbay : b);
            assertNull(request.answer(Duration.ofMillis(200)), "request " + i + " is admitted");
            admitted.add(request);
        }
        assertEquals(429, hold(a.patchbay).answer(Duration.ofSeconds(2)).status());
        HeldRequest.Answer onB = hold(b).answer(Duration.ofSeconds(2));
        assertEquals(429, onB.status());
        assertEquals("10", onB.header("Twilio-Concurrent-Requests"));
        for (HeldRequest request : admitted) {
            request.finish();
            assertEquals(200, request.answer(Duration.ofSeconds(5)).status());
        }
        // A node tells the other nodes' requests as it last read them, up to SlotReuse.FRESH ago.
        Harness.sleep(SlotReuse.FRESH.plusMillis(50));
        HeldRequest after = hold(b);
        after.finish();
        assertEquals("1", after.answer(Duration.ofSeconds(5)).header("Twilio-Concurrent-Requests"), "every slot was given back");
    }

    @Test
    void aLimitChangedOnOneNodeAppliesOnTheOtherWithinASecond() throws Exception {
        HeldRequest primed = hold(b);
        primed.finish();
        assertEquals(200, primed.answer(Duration.ofSeconds(5)).status(), "node B has read the account's thresholds");

        HttpResponse<String> changed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + a.patchbay.httpPort() + "/v1/Accounts/" + ACCOUNT + "/Limits"))
                .header("Authorization", AUTH).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("ApiConcurrency=3")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, changed.statusCode(), changed.body());
        long changedAt = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            assertNull(hold(b).answer(Duration.ofMillis(100)));
        }
        long refusedAfter = -1;
        while (System.nanoTime() - changedAt < Duration.ofSeconds(2).toNanos()) {
            HeldRequest.Answer answer = hold(b).answer(Duration.ofMillis(50));
            if (answer != null) {
                assertEquals(429, answer.status());
                refusedAfter = System.nanoTime() - changedAt;
                break;
            }
        }
        assertTrue(refusedAfter > 0 && refusedAfter < Duration.ofSeconds(1).toNanos(),
                "node B refused over the new limit after " + refusedAfter / 1_000_000 + " ms");
    }
}
