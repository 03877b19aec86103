package org.patchbay.server.e2e;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.testkit.RecordedRequest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /Calls/{CallSid}/Streams.json} and {@code POST /Calls/{CallSid}/Streams/{Sid}.json} over HTTP against a
 * live call on the simulated Asterisk: the fork starts and stops as {@code <Start>}/{@code <Stop>} would, the JSON
 * has Twilio's fields, and bad requests get Twilio's error bodies.
 */
class StreamsApiIT {
    private static final String RFC_2822 = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-3][0-9] "
            + "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} [0-2][0-9]:[0-5][0-9]:[0-5][0-9] \\+0000";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    @TempDir
    Path dataDir;
    Harness h;
    StreamApp fork;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        fork = StreamApp.start(h.vertx);
        h.number("7300", "/app/voice", null, null);
        h.app.respond("/app/voice", "<Response><Say loop=\"0\">Please hold</Say></Response>");
    }

    @AfterEach
    void stop() {
        fork.close();
        h.close();
    }

    @Test
    void aStreamCreatedOnALiveCallForksItsAudioAndIsStoppedByName() {
        InboundCall call = h.call("+15550007301", "7300");
        CallRecord record = h.recordOf(call.channelId(), r -> r.status() == CallStatus.IN_PROGRESS);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Url", fork.url("/rest"));
        form.put("Name", "rest fork");
        form.put("Track", "both_tracks");
        form.put("StatusCallback", h.app.url("/app/rest-status"));
        form.put("Parameter1.Name", "Plan");
        form.put("Parameter1.Value", "gold");
        form.put("Parameter2.Name", "Region");
        form.put("Parameter2.Value", "eu");
        HttpResponse<String> created = post(record.sid(), "/Streams.json", form);
        assertEquals(200, created.statusCode(), created.body());
        JsonObject stream = new JsonObject(created.body());
        String sid = stream.getString("sid");
        assertTrue(sid.matches("MZ[0-9a-f]{32}"), sid);
        assertEquals(h.patchbay.mainAccount().sid(), stream.getString("account_sid"));
        assertEquals(record.sid(), stream.getString("call_sid"));
        assertEquals("rest fork", stream.getString("name"));
        assertEquals("in-progress", stream.getString("status"));
        assertTrue(stream.getString("date_updated").matches(RFC_2822), stream.getString("date_updated"));
        assertEquals("/2010-04-01/Accounts/" + record.accountSid() + "/Calls/" + record.sid() + "/Streams/" + sid + ".json",
                stream.getString("uri"));
        assertEquals(List.of("sid", "account_sid", "call_sid", "name", "status", "date_updated", "uri"),
                List.copyOf(stream.fieldNames()));

        JsonObject start = fork.await(h, "start").getJsonObject("start");
        assertEquals(sid, start.getString("streamSid"));
        assertEquals(List.of("inbound", "outbound"), start.getJsonArray("tracks").getList());
        assertEquals(new JsonObject().put("Plan", "gold").put("Region", "eu"), start.getJsonObject("customParameters"));

        HttpResponse<String> stopped = post(record.sid(), "/Streams/rest%20fork.json", Map.of("Status", "stopped"));
        assertEquals(200, stopped.statusCode(), stopped.body());
        assertEquals(sid, new JsonObject(stopped.body()).getString("sid"));
        assertEquals("stopped", new JsonObject(stopped.body()).getString("status"));
        assertEquals(sid, fork.await(h, "stop").getString("streamSid"));
        h.waitUntil("the fork's socket closed", fork::closed);
        List<RecordedRequest> callbacks = Harness.await(h.app.awaitRequests("/app/rest-status", 2, Duration.ofSeconds(10)));
        assertEquals(List.of("stream-started", "stream-stopped"), callbacks.stream().map(c -> c.param("StreamEvent")).toList());
        assertEquals("rest fork", callbacks.get(1).param("StreamName"));

        HttpResponse<String> again = post(record.sid(), "/Streams/" + sid + ".json", Map.of("Status", "stopped"));
        assertEquals(200, again.statusCode(), "a stopped stream is still found by its SID: " + again.body());
        assertEquals("stopped", new JsonObject(again.body()).getString("status"));
        assertEquals(1, fork.events("stop").size(), "stopping it again sends nothing more");
        Harness.await(h.asterisk.hangUp(call.callerChannelId()));
        h.finished(call.channelId());
        h.assertNothingLeaked();
    }

    @Test
    void aStopWithoutANameLeavesTheRestStreamsAndOneWithItsNameStopsThem() {
        h.app.respond("/app/unnamed-stop", "<Response><Stop><Stream/></Stop><Say loop=\"0\">still here</Say></Response>");
        h.app.respond("/app/named-stop", "<Response><Stop><Stream name=\"api\"/></Stop><Say loop=\"0\">gone</Say></Response>");
        InboundCall call = h.call("+15550007303", "7300");
        String callSid = h.recordOf(call.channelId(), r -> r.status() == CallStatus.IN_PROGRESS).sid();
        assertEquals(200, post(callSid, "/Streams.json", Map.of("Url", fork.url("/api"), "Name", "api")).statusCode());
        fork.await(h, "start");
        String account = h.patchbay.mainAccount().sid();
        Harness.await(h.patchbay.liveCalls().redirect(account, callSid, h.app.url("/app/unnamed-stop"), "POST"));
        Harness.await(h.app.awaitRequest("/app/unnamed-stop"));
        Harness.sleep(Duration.ofMillis(300));
        assertTrue(fork.events("stop").isEmpty(), "<Stop><Stream/> stops only what <Start> began");
        Harness.await(h.patchbay.liveCalls().redirect(account, callSid, h.app.url("/app/named-stop"), "POST"));
        fork.await(h, "stop");
        h.waitUntil("the fork's socket closed", fork::closed);
        Harness.await(h.asterisk.hangUp(call.callerChannelId()));
        h.finished(call.channelId());
        h.assertNothingLeaked();
    }

    @Test
    void badRequestsGetTwiliosErrors() {
        InboundCall call = h.call("+15550007302", "7300");
        String callSid = h.recordOf(call.channelId(), r -> r.status() == CallStatus.IN_PROGRESS).sid();
        assertError(post(callSid, "/Streams.json", Map.of("Name", "x")), 400, 21205, "Url");
        assertError(post(callSid, "/Streams.json", Map.of("Url", "https://127.0.0.1/x")), 400, 21205, "wss://");
        assertError(post(callSid, "/Streams.json", Map.of("Url", fork.url("/x"), "Track", "sideways")), 400, 21200, "Track");
        assertError(post(callSid, "/Streams.json", Map.of("Url", fork.url("/x"), "StatusCallbackMethod", "PUT")),
                400, 21200, "StatusCallbackMethod");
        assertError(post("CA00000000000000000000000000000000", "/Streams.json", Map.of("Url", fork.url("/x"))),
                404, 20404, "");
        assertError(post(callSid, "/Streams/nothing.json", Map.of("Status", "stopped")), 404, 20404, "");
        assertError(post(callSid, "/Streams/nothing.json", Map.of("Status", "in-progress")), 400, 21200, "stopped");

        assertEquals(200, post(callSid, "/Streams.json", Map.of("Url", fork.url("/x"), "Name", "once")).statusCode());
        assertError(post(callSid, "/Streams.json", Map.of("Url", fork.url("/y"), "Name", "once")), 400, 21200, "once");
        fork.await(h, "start");

        Harness.await(h.asterisk.hangUp(call.callerChannelId()));
        h.finished(call.channelId());
        fork.await(h, "stop");
        assertError(post(callSid, "/Streams.json", Map.of("Url", fork.url("/x"))), 400, 21220, "not in-progress");
        h.assertNothingLeaked();
    }

    private static void assertError(HttpResponse<String> response, int status, int code, String mentioned) {
        assertEquals(status, response.statusCode(), response.body());
        JsonObject body = new JsonObject(response.body());
        assertEquals(code, body.getInteger("code"), response.body());
        assertEquals(status, body.getInteger("status"), response.body());
        assertTrue(body.getString("message").contains(mentioned), response.body());
    }

    private HttpResponse<String> post(String callSid, String rest, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String account = h.patchbay.mainAccount().sid();
        String credentials = account + ":" + h.patchbay.mainAccount().authToken();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + h.patchbay.httpPort()
                        + "/2010-04-01/Accounts/" + account + "/Calls/" + callSid + rest))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("cannot reach Patchbay", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
