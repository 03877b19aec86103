package org.patchbay.server.metrics;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.events.GatherStarted;
import org.patchbay.server.e2e.Harness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /metrics} parses as Prometheus text and its meters move as calls run through the simulator. */
class MetricsIT {
    private static final Map<String, String> INBOUND_COMPLETED = Map.of("direction", "inbound", "status", "completed");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

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
