package org.patchbay.server.api;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code /v1/Accounts/{Sid}/Limits}: who may read and change an account's thresholds, and what it answers. */
class LimitsApiTest {
    private static ApiServer server;

    @BeforeAll
    static void start() {
        server = ApiServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String path(String accountSid) {
        return "/v1/Accounts/" + accountSid + "/Limits";
    }

    @Test
    void anAccountReadsItsDefaultsAndCounts() {
        HttpResponse<String> response = server.send("GET", path(server.main.sid()), ApiServer.basic(server.main), null);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = new JsonObject(response.body());
        assertEquals(100, body.getInteger("api_concurrency"));
        assertEquals(0, body.getInteger("concurrent_calls"));
        assertEquals(0, body.getInteger("calls_per_second"));
        assertEquals(1, body.getJsonObject("api_requests").getInteger("in_flight"), "this request itself");
        assertEquals(0, body.getJsonObject("calls").getInteger("queued"));
        assertEquals("1", response.headers().firstValue("Twilio-Concurrent-Requests").orElseThrow());
    }

    @Test
    void theMainAccountSetsASubaccountsLimitsWhichTheSubaccountReads() {
        HttpResponse<String> set = server.send("POST", path(server.sub.sid()), ApiServer.basic(server.main),
                "ApiConcurrency=7&ConcurrentCalls=3&CallsPerSecond=2&ApiConcurrency.Calls=2");
        assertEquals(200, set.statusCode(), set.body());
        JsonObject read = new JsonObject(server.send("GET", path(server.sub.sid()), ApiServer.basic(server.sub), null).body());
        assertEquals(7, read.getInteger("api_concurrency"));
        assertEquals(3, read.getInteger("concurrent_calls"));
        assertEquals(2, read.getInteger("calls_per_second"));
        assertEquals(2, read.getJsonObject("api_requests_by_resource").getJsonObject("Calls").getInteger("api_concurrency"));

        HttpResponse<String> partly = server.send("POST", path(server.sub.sid()), ApiServer.basic(server.main), "CallsPerSecond=5");
        assertEquals(7, new JsonObject(partly.body()).getInteger("api_concurrency"), "a field left out keeps its value");
        assertEquals(5, new JsonObject(partly.body()).getInteger("calls_per_second"));
    }

    @Test
    void aSubaccountCannotChangeItsLimitsNorSeeItsSiblings() {
        HttpResponse<String> own = server.send("POST", path(server.sub.sid()), ApiServer.basic(server.sub), "ApiConcurrency=1000");
        assertEquals(403, own.statusCode());
        assertEquals(20403, new JsonObject(own.body()).getInteger("code"));
        assertEquals(404, server.send("GET", path(server.sibling.sid()), ApiServer.basic(server.sub), null).statusCode());
    }

    @Test
    void badValuesAreRefusedWithTheirName() {
        HttpResponse<String> negative = server.send("POST", path(server.main.sid()), ApiServer.basic(server.main), "ApiConcurrency=-1");
        assertEquals(400, negative.statusCode());
        assertEquals(21200, new JsonObject(negative.body()).getInteger("code"));
        HttpResponse<String> nothing = server.send("POST", path(server.main.sid()), ApiServer.basic(server.main), "Other=1");
        assertEquals(400, nothing.statusCode());
        HttpResponse<String> resource = server.send("POST", path(server.main.sid()), ApiServer.basic(server.main), "ApiConcurrency.calls%20x=1");
        assertEquals(400, resource.statusCode());
    }
}
