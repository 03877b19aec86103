package org.patchbay.server.api;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchbay.core.events.sink.Batching;
import org.patchbay.core.events.sink.Subscription;
import org.patchbay.core.events.sink.SubscriptionFilters;
import org.patchbay.core.events.sink.TextMatch;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchbay.server.api.ErrorBehaviourIT.errorOf;

/** What Patchbay's Event Streams API does beyond what Twilio's helper libraries send: its sink types and filters, and its errors. */
class EventStreamsApiIT {
    private static final String ANSWERED = "com.twilio.voice.status-callback.call.answered";
    private static ApiServer server;
    private static String auth;

    @BeforeAll
    static void start() {
        server = ApiServer.start();
        auth = ApiServer.basic(server.main);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void createsRedisStreamAndAmqpSinks() {
        JsonObject stream = created(post("/v1/Sinks", "Description=Stream&SinkType=redis-stream&SinkConfiguration="
                + encode("{\"stream_key\":\"patchbay:out\",\"max_length\":1000}")));
        assertEquals("redis-stream", stream.getString("sink_type"));
        assertEquals(new JsonObject().put("stream_key", "patchbay:out").put("max_length", 1000), stream.getJsonObject("sink_configuration"));
        assertEquals("initialized", stream.getString("status"));

        JsonObject amqp = created(post("/v1/Sinks", "Description=Queue&SinkType=amqp&SinkConfiguration="
                + encode("{\"url\":\"amqp://guest:guest@127.0.0.1:5672\",\"exchange\":\"patchbay\",\"routing_key\":\"calls\"}")));
        assertEquals("amqp", amqp.getString("sink_type"));
        HttpResponse<String> initialized = server.send("GET", "/v1/Sinks?Status=initialized&PageSize=1", auth, null);
        JsonObject meta = new JsonObject(initialized.body()).getJsonObject("meta");
        assertEquals(server.baseUrl() + "/v1/Sinks?Status=initialized&PageSize=1&Page=0", meta.getString("first_page_url"));
        assertEquals(server.baseUrl() + "/v1/Sinks?Status=initialized&PageSize=1&Page=1&PageToken=PT1", meta.getString("next_page_url"));
        assertEquals("sinks", meta.getString("key"));
    }

    @Test
    void keepsPatchbaysFiltersAndBatchingAndChangesThemOneByOne() {
        String sink = created(post("/v1/Sinks", webhookSink())).getString("sid");
        JsonObject subscription = created(post("/v1/Subscriptions", "Description=London&SinkSid=" + sink
                + "&Types=" + ANSWERED + "&Types=" + encode("{\"type\":\"io.patchbay.call.gather.started\"}")
                + "&FilterTo=" + encode("+4420*") + "&FilterFrom=" + encode("*0100") + "&FilterDirection=inbound"
                + "&IncludeSubaccounts=true&BatchSize=25&BatchWaitMs=250"));
        JsonObject filters = subscription.getJsonObject("filters");
        assertEquals("+4420*", filters.getString("to"));
        assertEquals("*0100", filters.getString("from"));
        assertEquals("inbound", filters.getString("direction"));
        assertTrue(filters.getBoolean("include_subaccounts"));
        assertEquals(new JsonObject().put("size", 25).put("wait_ms", 250), subscription.getJsonObject("batching"));

        Subscription stored = server.get(Subscription.KIND, subscription.getString("sid"));
        assertEquals(new SubscriptionFilters(null, null, TextMatch.parse("inbound"), TextMatch.parse("+4420*"),
                TextMatch.parse("*0100"), true), stored.filters());
        assertEquals(new Batching(25, Duration.ofMillis(250)), stored.batching());
        assertEquals(2, stored.types().size());

        JsonObject updated = ok(post("/v1/Subscriptions/" + stored.sid(), "FilterTo=&FilterSubject=CA*&BatchSize=5"));
        assertEquals(null, updated.getJsonObject("filters").getString("to"));
        assertEquals("CA*", updated.getJsonObject("filters").getString("subject"));
        assertEquals("*0100", updated.getJsonObject("filters").getString("from"), "what is left out stays");
        assertEquals(5, updated.getJsonObject("batching").getInteger("size"));
        assertEquals("London", updated.getString("description"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SinkType=webhook&SinkConfiguration=%7B%22destination%22%3A%22http%3A%2F%2F127.0.0.1%2F%22%7D|Missing required parameter Description",
            "Description=x&SinkConfiguration=%7B%7D|Missing required parameter SinkType",
            "Description=x&SinkType=webhook|Missing required parameter SinkConfiguration",
            "Description=x&SinkType=webhook&SinkConfiguration=not-json|SinkConfiguration must be a JSON object",
            "Description=x&SinkType=webhook&SinkConfiguration=%5B1%5D|SinkConfiguration must be a JSON object",
            "Description=x&SinkType=webhook&SinkConfiguration=%7B%22destination%22%3A%22ftp%3A%2F%2Fh%2F%22%7D|destination must be an absolute http or https URL",
            "Description=x&SinkType=redis-stream&SinkConfiguration=%7B%7D|redis-stream sink: stream_key is required",
            "Description=x&SinkType=amqp&SinkConfiguration=%7B%22url%22%3A%22amqp%3A%2F%2F127.0.0.1%22%7D|amqp sink: exchange is required",
    })
    void refusesBadSinksNamingTheProblem(String form, String message) {
        JsonObject error = errorOf(post("/v1/Sinks", form), 400, 21200);
        assertTrue(error.getString("message").contains(message), error.getString("message"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Types=" + ANSWERED + "|Missing required parameter Description",
            "Description=x|Missing required parameter Types",
            "Description=x&Types=%7Bbroken|Types: each entry must be a JSON object",
            "Description=x&Types=%7B%22schema_version%22%3A1%7D|Types: each entry must be a JSON object",
            "Description=x&Types=" + ANSWERED + "&FilterDirection=sideways|FilterDirection must be inbound, outbound-api or outbound-dial",
            "Description=x&Types=" + ANSWERED + "&BatchSize=0|BatchSize must be an integer from 1 to 1000",
            "Description=x&Types=" + ANSWERED + "&BatchWaitMs=60001|BatchWaitMs must be an integer from 0 to 60000",
            "Description=x&Types=" + ANSWERED + "&IncludeSubaccounts=maybe|IncludeSubaccounts must be true or false",
    })
    void refusesBadSubscriptionsNamingTheProblem(String form, String message) {
        String sink = created(post("/v1/Sinks", webhookSink())).getString("sid");
        JsonObject error = errorOf(post("/v1/Subscriptions", "SinkSid=" + sink + "&" + form), 400, 21200);
        assertTrue(error.getString("message").contains(message), error.getString("message"));
    }

    @Test
    void validateNeedsATestIdAndTestNeedsARouter() {
        String sink = created(post("/v1/Sinks", webhookSink())).getString("sid");
        JsonObject missing = errorOf(post("/v1/Sinks/" + sink + "/Validate", ""), 400, 21200);
        assertTrue(missing.getString("message").contains("TestId"));
        JsonObject untested = errorOf(post("/v1/Sinks/" + sink + "/Validate", "TestId=guess"), 400, 21200);
        assertTrue(untested.getString("message").contains("POST its /Test first"), untested.getString("message"));
        errorOf(server.send("POST", "/v1/Sinks/DGnotasid/Test", auth, ""), 404, 20404);
        assertFalse(server.eventRouter.tests.stream().anyMatch(test -> test.sinkSid().equals(sink)));
    }

    private static String webhookSink() {
        return "Description=Hook&SinkType=webhook&SinkConfiguration=" + encode("{\"destination\":\"http://127.0.0.1:9/e\"}");
    }

    private static HttpResponse<String> post(String path, String form) {
        return server.send("POST", path, auth, form);
    }

    private static JsonObject created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return new JsonObject(response.body());
    }

    private static JsonObject ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return new JsonObject(response.body());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
