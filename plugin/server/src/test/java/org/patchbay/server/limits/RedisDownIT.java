package org.patchbay.server.limits;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.adapters.redis.limits.RedisLimiter;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.limits.LimitPolicy;
import org.patchbay.server.e2e.Harness;
import org.patchbay.testkit.RedisServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.patchbay.server.limits.ApiConcurrencyIT.ACCOUNT;
import static org.patchbay.server.limits.ApiConcurrencyIT.AUTH;
import static org.patchbay.server.limits.ApiConcurrencyIT.PATH;
import static org.patchbay.server.limits.ApiConcurrencyIT.TOKEN;

/**
 * The limits' Redis (a Redis of their own here, so the records stay reachable) stops answering or
 * goes away: each policy applies, {@code /health} says so, and everything is back by itself, with
 * no slot left behind, once Redis answers again.
 */
class RedisDownIT {
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<HeldRequest> held = new ArrayList<>();
    @TempDir
    Path dataDir;
    RedisServer redis;
    Harness h;
    String prefix;

    void start(String policy) {
        redis = RedisServer.start();
        prefix = "down-" + System.nanoTime() + ":";
        h = Harness.start(dataDir, Map.of("PATCHBAY_LIMIT_REDIS_URL", redis.url(), "PATCHBAY_REDIS_PREFIX", prefix,
                "PATCHBAY_ACCOUNT_SID", ACCOUNT, "PATCHBAY_AUTH_TOKEN", TOKEN, "PATCHBAY_LIMIT_API_CONCURRENCY", "2",
                "PATCHBAY_LIMIT_CALLS_CONCURRENT", "5", "PATCHBAY_LIMIT_REDIS_DOWN", policy));
    }

    @AfterEach
    void stop() {
        held.forEach(HeldRequest::close);
        try {
            h.close();
        } finally {
            redis.close();
        }
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + h.patchbay.httpPort() + path))
                .header("Authorization", AUTH).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    String limitsState() throws Exception {
        return new JsonObject(get("/health").body()).getJsonObject("limits").getString("state");
    }

    HeldRequest hold() {
        HeldRequest request = HeldRequest.open(h.patchbay.httpPort(), PATH, AUTH, "FriendlyName=held");
        held.add(request);
        return request;
    }

    long inRedis() {
        RedisLimiter probe = new RedisLimiter(h.vertx, redis.url(), prefix);
        try {
            return Harness.await(probe.state(LimitPolicy.apiKey(ACCOUNT))).inFlight();
        } finally {
            Harness.await(probe.close());
        }
    }

    @Test
    void openAdmitsCountingOnThisNodeAndGivesBackWhatItHeldOnceRedisAnswers() throws Exception {
        start("open");
        HeldRequest heldInRedis = hold();
        h.waitUntil("one slot in Redis", () -> inRedis() == 1);
        assertEquals("up", limitsState());

        redis.suspend();
        HeldRequest first = hold();
        HeldRequest second = hold();
        assertNull(first.answer(Duration.ofMillis(1_500)), "admitted, counted on this node");
        assertNull(second.answer(Duration.ofMillis(200)));
        assertEquals(429, hold().answer(Duration.ofSeconds(3)).status(), "the local count has its limit too");
        assertEquals("down (open)", limitsState());
        for (HeldRequest request : List.of(heldInRedis, first, second)) {
            request.finish();
            assertEquals(200, request.answer(Duration.ofSeconds(5)).status());
        }

        redis.resume();
        h.waitUntil("limits up again", () -> {
            try {
                return get(PATH).statusCode() == 200 && "up".equals(limitsState());
            } catch (Exception e) {
                return false;
            }
        });
        h.waitUntil("the slot that could not be given back while Redis hung is given back", () -> inRedis() == 0);
    }

    @Test
    void closedRefusesRequestsAndCallsUntilRedisReturns() throws Exception {
        start("closed");
        h.number("+15550100", "/voice", null, null);
        h.app.respond("/voice", "<Response><Play loop=\"0\">sound:tt-monkeys</Play></Response>");
        int port = redis.port();
        redis.close();

        HttpResponse<String> refused = get(PATH);
        assertEquals(503, refused.statusCode(), refused.body());
        assertEquals(20503, new JsonObject(refused.body()).getInteger("code"));
        assertEquals("down (closed)", limitsState());
        InboundCall call = h.call("+15559990001", "+15550100");
        h.waitUntil("the caller hung up busy", () -> Harness.await(h.asterisk.requests()).stream()
                .anyMatch(r -> r.method().equals("DELETE") && r.path().equals("/channels/" + call.channelId()) && r.query().contains("busy")));

        redis = RedisServer.start(port);
        h.waitUntil("requests admitted again", () -> {
            try {
                return get(PATH).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
        assertEquals("up", limitsState());
        h.waitUntil("the admitted request's slot given back once it stopped lingering", () -> inRedis() == 0);
    }
}
