package org.patchbay.server.api;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.events.v1.Sink;
import com.twilio.rest.events.v1.Subscription;
import com.twilio.rest.events.v1.sink.SinkTest;
import com.twilio.rest.events.v1.sink.SinkValidate;
import com.twilio.security.RequestValidator;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Say;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.core.account.Account;
import org.patchbay.server.e2e.Harness;
import org.patchbay.testkit.RecordedRequest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole handshake on a running Patchbay: Twilio's Java helper library creates a webhook sink on a real HTTP
 * receiver, Test makes the router deliver the test event there (signed as Twilio signs JSON webhooks), the test id
 * read off that delivery validates the sink, and a call's events then reach it.
 */
class EventStreamsEndToEndIT {
    private static final String ANSWERED = "com.twilio.voice.status-callback.call.answered";

    @TempDir
    Path dataDir;
    private Harness h;
    private Account main;
    private TwilioRestClient client;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        main = h.patchbay.mainAccount();
        client = new TwilioRestClient.Builder(main.sid(), main.authToken())
                .httpClient(new LoopbackTwilioHttpClient(h.patchbay.publicUrl())).build();
        h.app.respond("/events", 200, "text/plain", "");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void testAndValidateTakeAWebhookSinkToActiveAndItReceivesCallEvents() throws Exception {
        Sink sink = Sink.creator("Receiver", Map.of("destination", h.app.url("/events"), "method", "POST",
                "batch_events", false), Sink.SinkType.WEBHOOK).create(client);
        Subscription.creator("Answered calls", sink.getSid(), List.of(Map.of("type", ANSWERED, "schema_version", 1)))
                .create(client);

        assertEquals("submitted", SinkTest.creator(sink.getSid()).create(client).getResult());
        RecordedRequest delivered = Harness.await(h.app.awaitRequest("/events"));
        assertSignedByPatchbay(delivered);
        JsonObject test = onlyEvent(delivered);
        assertEquals("com.twilio.eventstreams.test-sink", test.getString("type"));
        assertEquals("1.0", test.getString("specversion"));
        String testId = test.getJsonObject("data").getString("test_id");

        assertEquals("valid", SinkValidate.creator(sink.getSid(), testId).create(client).getResult());
        assertEquals(Sink.Status.ACTIVE, Sink.fetcher(sink.getSid()).fetch(client).getStatus());

        h.number("1000", "/voice", null, null);
        h.app.respond("/voice", new VoiceResponse.Builder().say(new Say.Builder("Hello").build())
                .hangup(new Hangup.Builder().build()).build().toXml());
        String channel = h.call("+15551234567", "1000").channelId();
        String callSid = h.finished(channel).sid();
        RecordedRequest answered = Harness.await(h.app.awaitRequests("/events", 2, Duration.ofSeconds(10))).get(1);
        assertSignedByPatchbay(answered);
        JsonObject event = onlyEvent(answered);
        assertEquals(ANSWERED, event.getString("type"));
        assertEquals(callSid, event.getString("subject"));
        assertEquals(callSid, event.getJsonObject("data").getString("CallSid"));
        assertEquals(main.sid(), event.getString("accountsid"));
    }

    /** A webhook sink receives a JSON array of CloudEvents, as Twilio's do; unbatched, it holds one. */
    private static JsonObject onlyEvent(RecordedRequest request) {
        JsonArray events = new JsonArray(request.body());
        assertEquals(1, events.size(), request.body());
        return events.getJsonObject(0);
    }

    private void assertSignedByPatchbay(RecordedRequest request) throws Exception {
        String url = "http://127.0.0.1:" + h.app.port() + request.uri();
        assertTrue(url.contains("bodySHA256="), url);
        assertTrue(new RequestValidator(main.authToken()).validate(url, request.body(), request.header("X-Twilio-Signature")),
                "Twilio's validator accepts the delivery to " + url);
    }
}
