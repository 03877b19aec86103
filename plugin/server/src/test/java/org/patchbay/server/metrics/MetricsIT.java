package org.patchbay.server.metrics;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.events.GatherStarted;
import org.patchbay.core.events.PresenceChanged;
import org.patchbay.core.events.sink.Sink;
import org.patchbay.core.events.sink.SinkStatus;
import org.patchbay.core.events.sink.SinkType;
import org.patchbay.core.events.sink.SubscribedType;
import org.patchbay.core.events.sink.Subscription;
import org.patchbay.core.presence.Device;
import org.patchbay.core.presence.PresenceStatus;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.usage.TriggerBy;
import org.patchbay.core.usage.UsageTrigger;
import org.patchbay.server.e2e.Harness;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /metrics} parses as Prometheus text and its meters move as calls run through the simulator. */
class MetricsIT {
    private static final Map<String, String> INBOUND_COMPLETED = Map.of("direction", "inbound", "status", "completed");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dataDir;
    Harness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void countersMoveAsCallsRun() throws Exception {
        h = Harness.start(Meters.meteredVertx(), dataDir, Map.of());
        h.number("7100", "/voice", null, "/status");
        h.app.respond("/voice", "<Response><Gather numDigits=\"1\" action=\"/done\"/></Response>");
        h.app.respond("/done", "<Response><Hangup/></Response>");
        h.app.respond("/status", "<Response/>");
        PrometheusText before = scrape(null);

        InboundCall held = h.call("+15550001000", "7100");
        h.awaitActivity(held.channelId(), GatherStarted.class);
        PrometheusText during = scrape(null);
        assertEquals(1.0, during.sum("patchbay_calls_active", Map.of("account", h.patchbay.mainAccount().sid())));
        assertEquals("gauge", during.type("patchbay_calls_active"));

        Harness.await(h.asterisk.pressDigits(held.callerChannelId(), "1"));
        h.finished(held.channelId());
        for (int i = 0; i < 2; i++) {
            InboundCall call = h.call("+1555000100" + i, "7100");
            h.awaitActivity(call.channelId(), GatherStarted.class);
            Harness.await(h.asterisk.pressDigits(call.callerChannelId(), "2"));
            h.finished(call.channelId());
        }
        h.waitUntil("three status callbacks counted", () -> scrape(null).sum("patchbay_webhook_deliveries_total",
                Map.of("kind", "status-callback", "outcome", "delivered")) >= 3);
        PrometheusText after = scrape(null);

        assertEquals("counter", after.type("patchbay_calls_total"));
        assertEquals(3.0, after.sum("patchbay_calls_total", INBOUND_COMPLETED) - before.sum("patchbay_calls_total", INBOUND_COMPLETED));
        assertEquals(0.0, after.sum("patchbay_calls_active", Map.of()));
        assertEquals("histogram", after.type("patchbay_instruction_fetch_duration_seconds"));
        assertEquals(6.0, after.sum("patchbay_instruction_fetch_duration_seconds_count", Map.of("outcome", "success")));
        assertTrue(after.sum("patchbay_instruction_fetch_duration_seconds_bucket", Map.of("le", "+Inf")) >= 6);
        assertTrue(after.sum("patchbay_ari_request_duration_seconds_count", Map.of("resource", "channels")) > 0);
        assertEquals(1.0, after.sum("patchbay_ari_link", Map.of("state", "connected")));
        assertEquals(0.0, after.sum("patchbay_ari_link", Map.of("state", "down")));
        assertTrue(after.has("vertx_http_server_requests_total"), "Vert.x's own meters are there");
        assertTrue(after.has("jvm_memory_used_bytes"), "and the JVM's");
    }

    @Test
    void limiterSinkUsageAndPresenceMetersMove() throws Exception {
        h = Harness.start(dataDir, Map.of("PATCHBAY_LIMIT_CALLS_CONCURRENT", "1"));
        String main = h.patchbay.mainAccount().sid();
        h.number("7102", "/hold", null, null);
        h.app.respond("/hold", "<Response><Gather numDigits=\"1\" timeout=\"60\" action=\"/bye\"/></Response>");
        h.app.respond("/bye", "<Response><Hangup/></Response>");
        h.app.respond("/events", 204, "text/plain", "");
        Instant now = Instant.now();
        Sink sink = Sink.create("DG" + Sids.secret(), main, "meters", SinkType.WEBHOOK,
                Map.of("destination", h.app.url("/events"), "method", "POST"), now).withStatus(SinkStatus.active, now);
        Harness.await(h.patchbay.store().of(Sink.KIND).put(sink));
        Harness.await(h.patchbay.store().of(Subscription.KIND).put(new Subscription("DF" + Sids.secret(), main, sink.sid(), "presence",
                List.of(new SubscribedType(PresenceChanged.TYPE.name(), PresenceChanged.TYPE.schemaVersion())), null, null, now, now)));
        Harness.await(h.patchbay.usage().store().putTrigger(new UsageTrigger("UT" + Sids.secret(), main, "first call", h.app.url("/fired"),
                "POST", "calls", TriggerBy.COUNT, BigDecimal.ONE, null, now, now, null)));
        h.app.respond("/fired", 204, "text/plain", "");

        InboundCall held = h.call("+15550001010", "7102");
        h.awaitActivity(held.channelId(), GatherStarted.class);
        InboundCall refused = h.call("+15550001011", "7102");
        h.waitUntil("the second call refused", () -> scrape(null).sum("patchbay_limit_admissions_total",
                Map.of("limit", "calls", "outcome", "rejected")) == 1.0);
        PrometheusText during = scrape(null);
        assertEquals(1.0, during.sum("patchbay_limit_admissions_total", Map.of("limit", "calls", "outcome", "admitted")));
        assertEquals(1.0, during.sum("patchbay_limit_slots_in_flight", Map.of("limit", "calls")));
        Harness.await(h.asterisk.pressDigits(held.callerChannelId(), "1"));
        h.finished(held.channelId());
        h.waitUntil("the refused caller hung up", () -> !Harness.await(h.asterisk.state()).channels().contains(refused.channelId()));
        h.waitUntil("the trigger fired", () -> scrape(null).sum("patchbay_usage_trigger_firings_total", Map.of()) == 1.0);
        assertEquals(0.0, scrape(null).sum("patchbay_limit_slots_in_flight", Map.of("limit", "calls")));

        int[] devices = {0};
        h.waitUntil("presence changes delivered to the sink", () -> {
            Harness.await(h.patchbay.presence().register(new Device(main, "alice", "desk-" + devices[0]++, null,
                    PresenceStatus.available, "test-node", Instant.now(), true, null, Map.of())));
            return scrape(null).sum("patchbay_event_deliveries_total", Map.of("sink", sink.sid(), "outcome", "delivered")) >= 1;
        });
        PrometheusText after = scrape(null);
        assertEquals(devices[0], after.sum("patchbay_presence_devices", Map.of("status", "available")));
        assertTrue(after.sum("patchbay_event_delivery_lag_seconds_count", Map.of("sink", sink.sid())) >= 1);
        assertEquals(0.0, after.sum("patchbay_event_drops_total", Map.of()));
    }

    @Test
    void aFailedFetchIsCountedWithItsErrorCode() throws Exception {
        h = Harness.start(dataDir);
        h.number("7101", "/broken", null, null);
        h.app.respond("/broken", 500, "text/plain", "oops");
        InboundCall call = h.call("+15550001009", "7101");
        h.finished(call.channelId());
        h.waitUntil("the failure counted", () -> scrape(null).sum("patchbay_instruction_fetch_duration_seconds_count",
                Map.of("outcome", "failure", "error_code", "11200")) == 1.0);
        assertEquals(1.0, scrape(null).sum("patchbay_notifications_total", Map.of("level", "error", "error_code", "11200")));
    }

    @Test
    void aTokenProtectsTheMetrics() throws Exception {
        h = Harness.start(dataDir, Map.of("PATCHBAY_METRICS_TOKEN", "s3cret-token"));
        HttpResponse<String> refused = get(null);
        assertEquals(401, refused.statusCode());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals(401, get("Bearer wrong").statusCode());
        HttpResponse<String> allowed = get("Bearer s3cret-token");
        assertEquals(200, allowed.statusCode());
        assertTrue(PrometheusText.parse(allowed.body()).has("patchbay_ari_link"));
    }

    private PrometheusText scrape(String authorization) {
        HttpResponse<String> response = get(authorization);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        return PrometheusText.parse(response.body());
    }

    private HttpResponse<String> get(String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + h.patchbay.httpPort() + "/metrics"))
                .timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
