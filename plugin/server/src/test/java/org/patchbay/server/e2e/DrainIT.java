package org.patchbay.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.core.json.Json;
import org.patchbay.testkit.FakeAppServer;
import org.patchbay.testkit.RecordedRequest;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM to a real Patchbay process (sandbox: its own simulated Asterisk, in-memory store): it refuses
 * new calls at once, lets its live call run for the drain time, ends it with its {@code completed}
 * status callback, and exits 0.
 */
class DrainIT {
    private static final String ACCOUNT = "AC" + "7".repeat(32);
    private static final String TOKEN = "8".repeat(32);
    private static final Duration DRAIN = Duration.ofSeconds(3);

    @TempDir
    Path dataDir;
    Vertx vertx;
    FakeAppServer app;
    PatchbayProcess node;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        app = Harness.await(FakeAppServer.start(vertx));
        app.respond("/voice", "<Response><Play loop=\"0\">sound:tt-monkeys</Play></Response>");
        app.respond("/status", "<Response/>");
        node = PatchbayProcess.start(dataDir, Map.of("PATCHBAY_ACCOUNT_SID", ACCOUNT, "PATCHBAY_AUTH_TOKEN", TOKEN,
                "PATCHBAY_DRAIN_TIME", DRAIN.toSeconds() + "s"));
    }

    @AfterEach
    void stop() {
        node.close();
        Harness.await(vertx.close());
    }

    @Test
    void sigtermRefusesNewCallsLetsTheLiveOneRunThenEndsItWithItsCallbackAndExitsZero() throws Exception {
        RestCalls calls = new RestCalls(node.port(), ACCOUNT, TOKEN);
        Map<String, String> form = Map.of("To", "+15550001111", "From", "+15557008000", "Url", app.url("/voice"),
                "StatusCallback", app.url("/status"));
        HttpResponse<String> created = calls.create(form);
        assertEquals(201, created.statusCode(), created.body());
        String sid = Json.MAPPER.readTree(created.body()).get("sid").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!"in-progress".equals(Json.MAPPER.readTree(calls.get(sid).body()).get("status").asText())) {
            assertTrue(System.nanoTime() < deadline, "the call was never answered");
            Harness.sleep(Duration.ofMillis(100));
        }

        Instant terminated = Instant.now();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> node.terminate(Duration.ofSeconds(40)));

        HttpResponse<String> refused = calls.create(form);
        for (int i = 0; i < 20 && refused.statusCode() == 201; i++) {
            Harness.sleep(Duration.ofMillis(100));
            refused = calls.create(form);
        }
        assertEquals(503, refused.statusCode(), refused.body());
        JsonNode error = Json.MAPPER.readTree(refused.body());
        assertEquals(20503, error.get("code").asInt());
        assertTrue(error.get("message").asText().contains("shutting down"), error.toString());

        RecordedRequest completed = awaitCallback(sid);
        assertEquals("completed", completed.param("CallStatus"));
        assertTrue(!completed.receivedAt().isBefore(terminated.plus(DRAIN).minusMillis(500)),
                "the call ran for the drain time: ended " + Duration.between(terminated, completed.receivedAt()) + " after SIGTERM");
        assertTrue(Integer.parseInt(completed.param("CallDuration")) >= DRAIN.toSeconds() - 1, completed.params().toString());

        assertEquals(0, exit.get(40, TimeUnit.SECONDS), "exit status after SIGTERM");
        assertEquals(app.requests("/voice").size(), app.requests("/status").size(), "every call that ran got its final callback");
    }

    private RecordedRequest awaitCallback(String sid) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (RecordedRequest request : app.requests("/status")) {
                if (sid.equals(request.param("CallSid"))) {
                    return request;
                }
            }
            Harness.sleep(Duration.ofMillis(100));
        }
        throw new AssertionError("no status callback for " + sid + "; callbacks: " + app.requests("/status").stream()
                .map(RecordedRequest::params).toList() + "; log: " + PatchbayProcess.log(dataDir));
    }
}
