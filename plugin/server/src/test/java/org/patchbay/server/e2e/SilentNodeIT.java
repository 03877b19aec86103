package org.patchbay.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.json.Json;
import org.patchbay.core.webhook.TwilioSignature;
import org.patchbay.testkit.RecordedRequest;
import org.patchbay.testkit.SharedRedis;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three nodes share one Redis, each beside its own (simulated) Asterisk. Node A, a process of its own,
 * runs an API call and is killed (SIGKILL: no shutdown hook). The two survivors see its heartbeat
 * expire; exactly one of them settles the call: its record ends {@code completed} at A's last beat and
 * its {@code completed} status callback, signed, reaches the application server once.
 */
class SilentNodeIT {
    private static final String ACCOUNT = "AC" + "5".repeat(32);
    private static final String TOKEN = "6".repeat(32);
    private static final Duration EXPIRY = Duration.ofSeconds(1);

    @RegisterExtension
    static final SharedRedis REDIS = new SharedRedis();

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;
    @TempDir
    Path dirC;
    PatchbayProcess a;
    Harness b;
    SecondNode c;

    @BeforeEach
    void start() {
        Map<String, String> shared = Map.of("PATCHBAY_SECRETS_KEY", Harness.SHARED_SECRETS_KEY, "PATCHBAY_REDIS_URL", REDIS.url(), "PATCHBAY_REDIS_PREFIX", "silent-" + System.nanoTime() + ":",
                "PATCHBAY_ACCOUNT_SID", ACCOUNT, "PATCHBAY_AUTH_TOKEN", TOKEN, "PATCHBAY_NODE_EXPIRY", EXPIRY.toMillis() + "ms");
        b = Harness.start(dirB, shared);
        c = SecondNode.start(shared, dirC);
        a = PatchbayProcess.start(dirA, shared);
        b.app.respond("/voice", "<Response><Play loop=\"0\">sound:tt-monkeys</Play></Response>");
        b.app.respond("/status", "<Response/>");
    }

    @AfterEach
    void stop() {
        if (a != null) {
            a.close();
        }
        if (c != null) {
            c.close();
        }
        b.close();
    }

    @Test
    void aKilledNodesCallIsSettledByOneSurvivorWithItsCompletedCallback() throws Exception {
        HttpResponse<String> created = new RestCalls(a.port(), ACCOUNT, TOKEN).create(Map.of("To", "+15550001111",
                "From", "+15557008000", "Url", b.app.url("/voice"), "StatusCallback", b.app.url("/status")));
        assertEquals(201, created.statusCode(), created.body());
        String sid = Json.MAPPER.readTree(created.body()).get("sid").asText();
        b.waitUntil("the call in progress on node A", () -> {
            CallRecord stored = Harness.await(b.patchbay.store().of(CallRecord.KIND).get(sid));
            return stored != null && stored.status() == CallStatus.IN_PROGRESS;
        });
        CallRecord live = Harness.await(b.patchbay.store().of(CallRecord.KIND).get(sid));
        Harness.sleep(EXPIRY.multipliedBy(2));

        a.kill();

        RecordedRequest callback = Harness.await(b.app.awaitRequests("/status", 1, Duration.ofSeconds(20))).get(0);
        assertEquals(sid, callback.param("CallSid"));
        assertEquals("completed", callback.param("CallStatus"));
        assertEquals(TwilioSignature.sign(TOKEN, b.app.url("/status"), callback.params()), callback.header(TwilioSignature.HEADER));
        CallRecord settled = Harness.await(b.patchbay.store().of(CallRecord.KIND).get(sid));
        assertEquals(CallStatus.COMPLETED, settled.status());
        assertNotNull(settled.endTime());
        assertTrue(!settled.endTime().isBefore(live.startTime()), "ends after it was answered");
        assertTrue(settled.endTime().isBefore(callback.receivedAt()), "ends at the last beat, before the settlement");
        assertEquals((settled.endTime().toEpochMilli() - live.startTime().toEpochMilli()) / 1000, settled.duration());
        assertEquals(Long.toString(settled.duration()), callback.param("CallDuration"));
        assertTrue(settled.duration() >= 1, "A beat for two expiries after the answer: " + settled.duration());

        Harness.sleep(EXPIRY.multipliedBy(2));
        assertEquals(1, b.app.requests("/status").size(), "one survivor settled it");
        JsonNode listed = Json.MAPPER.readTree(new RestCalls(b.patchbay.httpPort(), ACCOUNT, TOKEN).get(sid).body());
        assertEquals("completed", listed.get("status").asText());
    }
}
