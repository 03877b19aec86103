package org.patchbay.server.e2e;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.call.CallApp;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.livecall.OutboundCall;
import org.patchbay.testkit.RecordedRequest;
import org.patchbay.testkit.RedisServer;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Usage counted from real calls through the simulated Asterisk, with Redis: inbound, outbound through the
 * API, a dialled leg and a recording, read back through the Usage Records API in every period, and a
 * trigger created through the API firing once when the day's third call ends.
 */
class UsageEndToEndIT {
    private static RedisServer redis;
    @TempDir
    Path dataDir;
    Harness h;

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
        h = Harness.start(dataDir, Map.of("PATCHBAY_REDIS_URL", redis.url(), "PATCHBAY_REDIS_PREFIX", "e2e-" + UUID.randomUUID() + ":"));
        h.number("8000", "/voice", null, null);
        h.number("8001", "/record", null, null);
        h.number("8002", "/dial", null, null);
        h.app.respond("/voice", "<Response><Play>sound:beep</Play></Response>");
        h.app.respond("/record", "<Response><Record maxLength=\"1\" timeout=\"1\" playBeep=\"false\"/></Response>");
        h.app.respond("/dial", "<Response><Dial><Number>+15557000001</Number></Dial></Response>");
        h.app.respond("/fired", 204, "text/plain", "");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void aMixOfCallsIsCountedPerCategoryAndPeriodAndFiresATriggerOnce() {
        JsonObject trigger = new JsonObject(send("POST", "/Usage/Triggers.json", Map.of("CallbackUrl", h.app.url("/fired"),
                "TriggerValue", "3", "UsageCategory", "calls-inbound", "TriggerBy", "count", "Recurring", "daily")));
        assertEquals("0", trigger.getString("current_value"));

        h.finished(h.call("+15550000001", "8000").channelId());
        h.finished(h.call("+15550000002", "8001").channelId());
        InboundCall dialling = h.call("+15550000003", "8002");
        CallRecord parent = h.recordOf(dialling.channelId(), r -> true);
        h.waitUntil("the dialled leg to answer", () -> legOf(parent) != null && legOf(parent).startTime() != null);
        Harness.await(h.asterisk.hangUp(legOf(parent).channelId()));
        h.finished(dialling.channelId());
        CallRecord outbound = Harness.await(h.patchbay.liveCalls().create(new OutboundCall(h.patchbay.mainAccount().sid(),
                "+15557654321", "+15550009999", null, new CallApp(h.app.url("/voice"), "POST", null, null, null, "POST", Set.of()),
                null, 30, 0, null, false)));
        h.waitUntil("the API call to end", () -> Harness.await(h.patchbay.store().of(CallRecord.KIND).get(outbound.sid())).status().isFinal());

        h.waitUntil("five calls counted", () -> count("Today", "calls") == 5);
        for (String period : List.of("Today", "ThisMonth", "AllTime", "Daily", "Monthly", "Yearly")) {
            assertEquals(5, count(period, "calls"), period);
            assertEquals(3, count(period, "calls-inbound"), period);
            assertEquals(2, count(period, "calls-outbound"), period + ": the API call and the dialled leg");
            assertEquals(1, count(period, "recordings"), period);
            assertEquals(0, count(period, "calls-client"), period);
        }
        assertEquals(0, count("Yesterday", "calls"));

        RecordedRequest fired = Harness.await(h.app.awaitRequest("/fired"));
        assertEquals(trigger.getString("sid"), fired.param("UsageTriggerSid"));
        assertEquals("3", fired.param("CurrentValue"));
        JsonObject after = new JsonObject(send("GET", "/Usage/Triggers/" + trigger.getString("sid") + ".json", null));
        assertEquals("3", after.getString("current_value"));
        assertEquals(1, h.app.requests("/fired").size(), "fired once in the day");
        h.assertNothingLeaked();
    }

    private CallRecord legOf(CallRecord parent) {
        List<CallRecord> legs = Harness.await(h.patchbay.store().of(CallRecord.KIND).list(h.patchbay.mainAccount().sid(),
                r -> parent.sid().equals(r.parentCallSid()), 0, 1)).items();
        return legs.isEmpty() ? null : legs.get(0);
    }

    /** The day's count of a category in a Usage Records list (the last record: Daily and Monthly end with today's). */
    private long count(String period, String category) {
        JsonObject page = new JsonObject(send("GET", "/Usage/Records/" + period + ".json?Category=" + category + "&PageSize=1000", null));
        List<Object> records = page.getJsonArray("usage_records").getList();
        JsonObject last = page.getJsonArray("usage_records").getJsonObject(records.size() - 1);
        return Long.parseLong(last.getString("count"));
    }

    private String send(String method, String relative, Map<String, String> form) {
        String account = h.patchbay.mainAccount().sid();
        String auth = Base64.getEncoder().encodeToString((account + ":" + h.patchbay.mainAccount().authToken())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + h.patchbay.httpPort()
                + "/2010-04-01/Accounts/" + account + relative)).header("Authorization", "Basic " + auth);
        if (form == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            request.header("Content-Type", "application/x-www-form-urlencoded").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(true, response.statusCode() < 300, response.body());
            return response.body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
