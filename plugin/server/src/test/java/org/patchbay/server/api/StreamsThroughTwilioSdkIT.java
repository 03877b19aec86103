package org.patchbay.server.api;

import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.call.Stream;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.call.CallStatus;
import org.patchbay.server.e2e.Harness;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The Streams resource through Twilio's Java helper library on a live call: create with every parameter the
 * library has, stop by name, and an unknown call; every answer is checked against Twilio's schema.
 */
class StreamsThroughTwilioSdkIT {
    @TempDir
    Path dataDir;
    Harness h;
    LoopbackTwilioHttpClient http;
    TwilioRestClient client;
    TwilioSchemas schemas = TwilioSchemas.load();
    HttpServer app;
    final List<JsonObject> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        http = new LoopbackTwilioHttpClient("http://127.0.0.1:" + h.patchbay.httpPort());
        client = new TwilioRestClient.Builder(h.patchbay.mainAccount().sid(), h.patchbay.mainAccount().authToken())
                .httpClient(http).build();
        app = h.vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
        app.webSocketHandler(socket -> socket.textMessageHandler(text -> received.add(new JsonObject(text))));
        Harness.await(app.listen());
    }

    @AfterEach
    void stop() {
        http.exchanges.stream().filter(e -> e.status() == 200 || e.status() == 201)
                .forEach(e -> schemas.assertValid(e.method(), e.path(), e.status(), e.body()));
        Harness.await(app.close());
        h.close();
    }

    @Test
    void theHelperLibraryStartsAndStopsAStream() {
        h.number("7400", "/voice", null, null);
        h.app.respond("/voice", "<Response><Say loop=\"0\">hold on</Say></Response>");
        InboundCall call = h.call("+15550007401", "7400");
        String callSid = h.recordOf(call.channelId(), r -> r.status() == CallStatus.IN_PROGRESS).sid();

        Stream created = Stream.creator(callSid, URI.create("ws://127.0.0.1:" + app.actualPort() + "/sdk"))
                .setName("sdk").setTrack(Stream.Track.OUTBOUND_TRACK)
                .setStatusCallback(h.app.url("/stream-status")).setStatusCallbackMethod(HttpMethod.GET)
                .setParameter1Name("Plan").setParameter1Value("gold").create(client);
        assertEquals(Stream.Status.IN_PROGRESS, created.getStatus());
        assertEquals("sdk", created.getName());
        assertEquals(callSid, created.getCallSid());
        h.waitUntil("the start message", () -> received.stream().anyMatch(m -> "start".equals(m.getString("event"))));
        JsonObject start = received.stream().filter(m -> "start".equals(m.getString("event"))).findFirst().orElseThrow();
        assertEquals(List.of("outbound"), start.getJsonObject("start").getJsonArray("tracks").getList());
        assertEquals("gold", start.getJsonObject("start").getJsonObject("customParameters").getString("Plan"));
        assertEquals("GET", Harness.await(h.app.awaitRequest("/stream-status")).method());

        Stream stopped = Stream.updater(callSid, "sdk", Stream.UpdateStatus.STOPPED).update(client);
        assertEquals(created.getSid(), stopped.getSid());
        assertEquals(Stream.Status.STOPPED, stopped.getStatus());
        h.waitUntil("the stop message", () -> received.stream().anyMatch(m -> "stop".equals(m.getString("event"))));

        ApiException unknown = assertThrows(ApiException.class, () -> Stream.creator("CA00000000000000000000000000000000",
                URI.create("ws://127.0.0.1:" + app.actualPort() + "/sdk")).create(client));
        assertEquals(20404, unknown.getCode());
        assertEquals(404, unknown.getStatusCode());
        Harness.await(h.asterisk.hangUp(call.callerChannelId()));
        h.finished(call.channelId());
        h.assertNothingLeaked();
    }
}
