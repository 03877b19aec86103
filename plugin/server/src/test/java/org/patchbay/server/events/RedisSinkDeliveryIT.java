package org.patchbay.server.events;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.core.events.EventDraft;
import org.patchbay.core.events.EventType;
import org.patchbay.core.events.sink.Sink;
import org.patchbay.core.events.sink.SinkType;
import org.patchbay.server.Patchbay;
import org.patchbay.server.config.ConfigLoader;
import org.patchbay.server.e2e.Harness;
import org.patchbay.testkit.FakeResponse;
import org.patchbay.testkit.RedisServer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sinks with Redis: two nodes publishing one call's events deliver them once and in order; a restart loses nothing. */
class RedisSinkDeliveryIT {
    private static final String ACCOUNT = "AC" + "d".repeat(32);
    private static RedisServer redis;
    @TempDir
    Path dataDir;
    @TempDir
    Path otherDataDir;
    Harness a;
    Vertx vertxB;
    Patchbay b;

    @BeforeAll
    static void redis() {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    private Map<String, String> shared() {
        return Map.of("PATCHBAY_SECRETS_KEY", Harness.SHARED_SECRETS_KEY, "PATCHBAY_REDIS_URL", redis.url(), "PATCHBAY_REDIS_PREFIX", "sinks-" + dataDir.getFileName() + ":",
                "PATCHBAY_ACCOUNT_SID", ACCOUNT, "PATCHBAY_AUTH_TOKEN", "f".repeat(32), "PATCHBAY_EVENTS_SINK_REFRESH", "1s",
                "PATCHBAY_EVENTS_RETRY_FIRST_DELAY", "200ms", "PATCHBAY_EVENTS_RETRY_MAX_DELAY", "1s");
    }

    @AfterEach
    void stop() {
        if (b != null) {
            Harness.await(b.stop());
            Harness.await(vertxB.close());
        }
        a.close();
    }

    @Test
    void twoNodesPublishingOneCallsEventsDeliverEachOnceInOrder() {
        a = Harness.start(dataDir, shared());
        vertxB = Vertx.vertx();
        Map<String, String> env = new HashMap<>(shared());
        env.putAll(Map.of("PATCHBAY_HTTP_PORT", "0", "PATCHBAY_DATA_DIR", otherDataDir.toString()));
        b = Harness.await(Patchbay.start(vertxB, ConfigLoader.load(env)));
        a.app.respond("/events", 200, "text/plain", "ok");
        subscribe();
        for (int n = 0; n < 60; n++) {
            Patchbay node = n % 2 == 0 ? a.patchbay : b;
            Harness.await(node.events().log().append(tick("CA-call-" + (n % 3), n)));
        }
        a.waitUntil("60 events", () -> ids().size() >= 60);
        Harness.sleep(Duration.ofMillis(1500));
        assertEquals(60, ids().size());
        assertEquals(60, SinkFixtures.events(a.app.requests("/events")).size(), "once for the cluster, not once per node");
        assertInOrder();
    }

    @Test
    void patchbayStoppedAndStartedMeanwhileLosesNothing() {
        a = Harness.start(dataDir, shared());
        AtomicBoolean up = new AtomicBoolean(false);
        a.app.respondWith("/events", request -> FakeResponse.status(up.get() ? 200 : 503));
        subscribe();
        for (int n = 0; n < 30; n++) {
            Harness.await(a.patchbay.events().log().append(tick("CA-call-" + (n % 3), n)));
        }
        Harness.sleep(Duration.ofMillis(500));
        a.restartPatchbay();
        for (int n = 30; n < 40; n++) {
            Harness.await(a.patchbay.events().log().append(tick("CA-call-" + (n % 3), n)));
        }
        up.set(true);
        a.waitUntil("all 40 events", () -> ids().size() >= 40);
        assertEquals(40, ids().size());
        assertInOrder();
    }

    private void subscribe() {
        Sink sink = SinkFixtures.activeSink(a.patchbay, SinkType.WEBHOOK, Map.of("destination", a.app.url("/events"), "method", "POST"));
        SinkFixtures.subscribe(a.patchbay, sink, null, null, "io.patchbay.test.tick");
        Harness.sleep(Duration.ofMillis(2000));
    }

    private static EventDraft tick(String subject, int n) {
        return new EventDraft(EventType.of("io.patchbay.test.tick"), "test", ACCOUNT, subject, Instant.now(), Map.of("n", n), Map.of());
    }

    private List<String> ids() {
        return new ArrayList<>(new LinkedHashSet<>(delivered().stream().map(e -> (String) e.get("id")).toList()));
    }

    private List<Map<String, Object>> delivered() {
        return SinkFixtures.events(a.app.requests("/events").stream().filter(r -> !r.body().isEmpty()).toList());
    }

    private void assertInOrder() {
        for (int s = 0; s < 3; s++) {
            String subject = "CA-call-" + s;
            List<Integer> order = new ArrayList<>(new LinkedHashSet<>(delivered().stream().filter(e -> subject.equals(e.get("subject")))
                    .map(e -> ((Number) ((Map<?, ?>) e.get("data")).get("n")).intValue()).toList()));
            assertEquals(order.stream().sorted().toList(), order, "in order for " + subject);
        }
    }
}
