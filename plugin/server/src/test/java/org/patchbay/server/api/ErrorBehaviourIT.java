package org.patchbay.server.api;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchbay.core.livecall.OutboundCall;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a client sees when it gets something wrong: Twilio's error body with the right status and code. */
class ErrorBehaviourIT {
    private static ApiServer server;
    private static String calls;

    @BeforeAll
    static void start() {
        server = ApiServer.start();
        calls = "/2010-04-01/Accounts/" + server.main.sid() + "/Calls.json";
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "From=%2B15550002222&Url=https://a.example.com/v                      | 400 | 21201 | To",
            "To=%2B15550001111&Url=https://a.example.com/v                        | 400 | 21603 | From",
            "To=%2B15550001111&From=%2B15550002222                                | 400 | 21205 | Url",
            "To=%2B15550001111&From=%2B15550002222&Url=ftp://a.example.com/v       | 400 | 21205 | Url",
            "To=%2B15550001111&From=%2B15550002222&Url=https://a.example.com/v&StatusCallback=nope | 400 | 21205 | StatusCallback",
            "To=%2B15550001111&From=%2B15550002222&Url=https://a.example.com/v&FallbackUrl=/rel    | 400 | 21205 | FallbackUrl",
            "To=%2B15550001111&From=%2B15550002222&Url=https://a.example.com/v&Method=PUT          | 400 | 21200 | Method",
            "To=%2B15550001111&From=%2B15550002222&Url=https://a.example.com/v&Timeout=0           | 400 | 21200 | Timeout",
            "To=%2B15550001111&From=%2B15550002222&Url=https://a.example.com/v&Timeout=601         | 400 | 21200 | Timeout",
            "To=%2B15550001111&From=%2B15550002222&Url=https://a.example.com/v&Timeout=ten         | 400 | 21200 | Timeout",
            "To=%2B15550001111&From=%2B15550002222&Url=https://a.example.com/v&TimeLimit=14401     | 400 | 21200 | TimeLimit",
            "To=%2B15550001111&From=%2B15550002222&Url=https://a.example.com/v&StatusCallbackEvent=hungup | 400 | 21200 | StatusCallbackEvent",
            "To=%2B15550001111&From=%2B15550002222&Url=https://a.example.com/v&SendDigits=12x      | 400 | 21200 | SendDigits",
            "To=%2B15550001111&From=%2B15550002222&Url=https://a.example.com/v&Record=maybe        | 400 | 21200 | Record",
            "To=abc&From=%2B15550002222&Url=https://a.example.com/v                               | 400 | 21211 | To",
            "To=%2B15550001111&From=a%26b&Url=https://a.example.com/v                             | 400 | 21212 | From",
            "To=%2B15550001111&From=%2B15550002222&ApplicationSid=AP123                           | 400 | 21218 | ApplicationSid",
    })
    void rejectsBadCallParameters(String form, int status, int code, String named) {
        JsonObject error = errorOf(server.send("POST", calls, ApiServer.basic(server.main), form), status, code);
        assertTrue(error.getString("message").contains(named), error.encode());
    }

    @Test
    void acceptsSpaceSeparatedStatusCallbackEvents() {
        HttpResponse<String> response = server.send("POST", calls, ApiServer.basic(server.main),
                "To=%2B15550001111&From=%2B15550002222&Url=https://a.example.com/v&StatusCallbackEvent=initiated+ringing"
                        + "&StatusCallbackEvent=completed");
        assertEquals(201, response.statusCode(), response.body());
        OutboundCall asked = server.liveCalls.created.get(server.liveCalls.created.size() - 1);
        assertEquals(Set.of("initiated", "ringing", "completed"), asked.app().statusCallbackEvents());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "PageSize=0", "PageSize=1001", "PageSize=x", "Page=-1", "Page=1.5", "PageToken=zz", "PageToken=PT-1",
            "Status=ringin", "StartTime%3E=2024-13-45", "StartTime=yesterday", "EndTime%3C=2024-01-01T25:00:00",
    })
    void rejectsBadListParameters(String query) {
        errorOf(server.send("GET", calls + "?" + query, ApiServer.basic(server.main), null), 400, 21200);
    }

    @Test
    void answersAnEmptyListInTwiliosShape() {
        HttpResponse<String> response = server.send("GET", "/2010-04-01/Accounts/" + server.sub.sid() + "/Calls?To=%2B1",
                ApiServer.basic(server.main), null);
        assertEquals(200, response.statusCode());
        JsonObject page = new JsonObject(response.body());
        assertEquals(List.of(), page.getJsonArray("calls").getList());
        assertEquals(0, page.getInteger("start"));
        assertEquals(0, page.getInteger("end"));
        assertEquals(0, page.getInteger("page"));
        assertEquals(50, page.getInteger("page_size"));
        assertNull(page.getString("next_page_uri"));
        assertNull(page.getString("previous_page_uri"));
        assertEquals("/2010-04-01/Accounts/" + server.sub.sid() + "/Calls.json?To=%2B1&PageSize=50&Page=0", page.getString("uri"));
    }

    @Test
    void unknownPathsAndMethods() {
        JsonObject missing = errorOf(server.send("GET", "/2010-04-01/Accounts/" + server.main.sid() + "/Faxes.json",
                ApiServer.basic(server.main), null), 404, 20404);
        assertTrue(missing.getString("message").contains("/Faxes.json"));

        HttpResponse<String> put = server.send("PUT", calls, ApiServer.basic(server.main), "To=1");
        errorOf(put, 405, 20004);
        assertEquals(Set.of("POST", "GET"), Set.of(put.headers().firstValue("Allow").orElse("").split(", ")));
    }

    @Test
    void refusesBodiesItCannotRead() {
        String auth = ApiServer.basic(server.main);
        errorOf(send("POST", calls, auth, "application/json", "{\"To\":\"+15550001111\"}".getBytes()), 415, 20415);
        errorOf(send("POST", calls, auth, "application/x-www-form-urlencoded; charset=ISO-8859-1", "To=1".getBytes()), 415, 20415);
        errorOf(send("POST", calls, auth, "application/x-www-form-urlencoded", "To=%ZZ".getBytes()), 400, 21200);
        errorOf(send("POST", calls, auth, "application/x-www-form-urlencoded", "To=%C3%28".getBytes()), 400, 21200);
        errorOf(send("POST", calls, auth, "application/x-www-form-urlencoded", new byte[]{'T', 'o', '=', (byte) 0xff}), 400, 21200);
        errorOf(send("POST", calls, auth, "application/x-www-form-urlencoded", "To=%00".getBytes()), 400, 21200);
        errorOf(send("POST", calls, auth, "application/x-www-form-urlencoded", new byte[ApiRoutes.BODY_LIMIT + 1]), 413, 20413);
        errorOf(server.send("GET", calls + "?To=%E0%A4", auth, null), 400, 21200);
    }

    @Test
    void requestsTheHttpCodecCannotReadGetTwiliosBodyToo() {
        HttpResponse<String> response = server.send("GET", calls + "?To=" + "1".repeat(20_000), ApiServer.basic(server.main), null);
        errorOf(response, 414, 21200);
    }

    @Test
    void aClientAskingForH2cGetsWholeBodiesOverHttp11() throws Exception {
        int whole = server.send("GET", "/openapi.json", null, null).body().length();
        assertTrue(whole > 100_000, "a body larger than HTTP/2's first flow-control window");
        for (int i = 0; i < 5; i++) {
            HttpClient h2c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
            HttpResponse<String> spec = h2c.sendAsync(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/openapi.json"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).get(10, TimeUnit.SECONDS);
            assertEquals(200, spec.statusCode());
            assertEquals(HttpClient.Version.HTTP_1_1, spec.version());
            assertEquals(whole, spec.body().length());
        }
    }

    @Test
    void answersTheSameToAClientAskingForHttp2() throws Exception {
        HttpClient h2c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> list = h2c.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + calls))
                    .header("Authorization", ApiServer.basic(server.main)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, list.statusCode(), list.body());
            errorOf(h2c.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + calls.replace("Calls", "Faxes")))
                    .header("Authorization", ApiServer.basic(server.main)).build(), HttpResponse.BodyHandlers.ofString()), 404, 20404);
        }
    }

    @Test
    void leavesTheServersOtherRoutesAlone() {
        HttpResponse<String> health = server.send("GET", "/health", null, null);
        assertEquals(200, health.statusCode());
        assertEquals("ok", health.body());
    }

    @Test
    void theJsonSuffixIsOptional() {
        String auth = ApiServer.basic(server.main);
        assertEquals(200, server.send("GET", calls.replace(".json", ""), auth, null).statusCode());
        assertEquals(200, server.send("GET", "/2010-04-01/Accounts/" + server.main.sid(), auth, null).statusCode());
    }

    @Test
    void internalFailuresAreAGeneric500AndPortErrorsKeepTheirCode() {
        String form = "To=%2B15550001111&From=%2B15550002222&Url=https://a.example.com/v";
        try {
            server.liveCalls.createFailure = new IllegalStateException("router exploded at line 42");
            JsonObject error = errorOf(server.send("POST", calls, ApiServer.basic(server.main), form), 500, 20500);
            assertFalse(error.encode().contains("exploded"), "no internals leak: " + error.encode());

            server.liveCalls.createFailure = new PatchbayException(503, ErrorCode.CALL_CONCURRENCY_LIMIT, "Too many calls");
            errorOf(server.send("POST", calls, ApiServer.basic(server.main), form), 503, 10004);
        } finally {
            server.liveCalls.createFailure = null;
        }
    }

    /** Checks the status and Twilio's error body, and returns the body. */
    static JsonObject errorOf(HttpResponse<String> response, int status, int code) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject body = new JsonObject(response.body());
        assertEquals(Set.of("code", "message", "more_info", "status"), body.fieldNames());
        assertEquals(code, body.getInteger("code"));
        assertEquals(status, body.getInteger("status"));
        assertEquals("https://www.twilio.com/docs/errors/" + code, body.getString("more_info"));
        return body;
    }

    private static HttpResponse<String> send(String method, String path, String auth, String contentType, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", auth).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
