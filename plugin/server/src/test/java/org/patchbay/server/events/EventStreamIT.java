package org.patchbay.server.events;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.core.events.EventDraft;
import org.patchbay.core.events.EventType;
import org.patchbay.core.events.RoutedEvent;
import org.patchbay.server.e2e.Harness;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /v1/Events/Stream: authentication before the upgrade, filters, replay, and a stalled consumer closed. */
class EventStreamIT {
    @TempDir
    Path dataDir;
    Harness h;
    WebSocketClient client;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        client = h.vertx.createWebSocketClient();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void wrongCredentialsGet401BeforeAnyUpgrade() {
        HttpClient http = h.vertx.createHttpClient(new HttpClientOptions());
        int status = Harness.await(Future.<Integer>future(p -> h.vertx.runOnContext(v -> http
                .request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(h.patchbay.httpPort())
                        .setURI(EventStreamRoute.PATH).putHeader("Authorization", basic(h.patchbay.mainAccount().sid(), "wrong"))
                        .putHeader("Upgrade", "websocket").putHeader("Connection", "Upgrade")
                        .putHeader("Sec-WebSocket-Version", "13").putHeader("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="))
                .compose(request -> request.send()).map(response -> response.statusCode()).onComplete(p))));
        Harness.await(http.close());
        assertEquals(401, status);
        Future<WebSocket> refused = connect("wrong", "", text -> { });
        boolean failed = Harness.await(refused.<Boolean>transform(r -> Future.succeededFuture(r.failed())));
        assertTrue(failed, "no WebSocket with a wrong token");
    }

    @Test
    void aStreamGetsItsAccountsEventsOfItsTypesAndReplaysFromAnId() {
        List<JsonObject> live = new CopyOnWriteArrayList<>();
        Harness.await(connect(h.patchbay.mainAccount().authToken(), "?types=io.patchbay.test.*", text -> live.add(new JsonObject(text))));
        Harness.sleep(Duration.ofMillis(300));
        RoutedEvent first = append("io.patchbay.test.tick", h.patchbay.mainAccount().sid(), 0);
        append("io.patchbay.other.thing", h.patchbay.mainAccount().sid(), 1);
        append("io.patchbay.test.tock", "AC" + "0".repeat(32), 2);
        append("io.patchbay.test.tock", h.patchbay.mainAccount().sid(), 3);
        h.waitUntil("two events", () -> live.size() >= 2);
        Harness.sleep(Duration.ofMillis(300));
        assertEquals(List.of(0, 3), live.stream().map(e -> e.getJsonObject("data").getInteger("n")).toList());
        assertEquals(first.id(), live.get(0).getString("id"));
        assertEquals("1.0", live.get(0).getString("specversion"));

        List<JsonObject> replayed = new CopyOnWriteArrayList<>();
        Harness.await(connect(h.patchbay.mainAccount().authToken(), "?since=" + first.id(), text -> replayed.add(new JsonObject(text))));
        h.waitUntil("the replay", () -> replayed.size() >= 2);
        Harness.sleep(Duration.ofMillis(300));
        assertEquals(List.of(1, 3), replayed.stream().map(e -> e.getJsonObject("data").getInteger("n")).toList());
    }

    @Test
    void aStalledConsumerIsClosedAsTooSlowWhileMemoryStaysBounded() {
        AtomicInteger closeCode = new AtomicInteger();
        AtomicInteger received = new AtomicInteger();
        WebSocket socket = Harness.await(connect(h.patchbay.mainAccount().authToken(), "", text -> received.incrementAndGet()));
        socket.closeHandler(v -> closeCode.set(socket.closeStatusCode() == null ? -1 : socket.closeStatusCode()));
        socket.pause();
        Harness.sleep(Duration.ofMillis(300));
        String padding = "x".repeat(2_000);
        Runtime runtime = Runtime.getRuntime();
        long usedBefore = runtime.totalMemory() - runtime.freeMemory();
        int sent = 0;
        for (; sent < 20_000 && closeCode.get() == 0; sent++) {
            h.patchbay.events().log().append(new EventDraft(EventType.of("io.patchbay.test.tick"), "test",
                    h.patchbay.mainAccount().sid(), "CA-stall", Instant.now(), Map.of("n", sent, "pad", padding), Map.of()));
        }
        socket.resume();
        h.waitUntil("the stream closed as too slow", () -> closeCode.get() != 0);
        assertEquals(StreamSession.TOO_SLOW, closeCode.get());
        assertTrue(received.get() < sent, "not everything was buffered: " + received.get() + " of " + sent);
        System.gc();
        long grown = (runtime.totalMemory() - runtime.freeMemory()) - usedBefore;
        assertTrue(grown < 256L * 1024 * 1024, "heap grew by " + grown / (1024 * 1024) + " MiB");
    }

    private RoutedEvent append(String type, String accountSid, int n) {
        return Harness.await(h.patchbay.events().log().append(new EventDraft(EventType.of(type), "test", accountSid, "CA-" + n,
                Instant.now(), Map.of("n", n), Map.of())));
    }

    /** Connects from an event loop and sets the message handler before any message can arrive. */
    private Future<WebSocket> connect(String token, String query, java.util.function.Consumer<String> messages) {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(h.patchbay.httpPort())
                .setURI(EventStreamRoute.PATH + query).addHeader("Authorization", basic(h.patchbay.mainAccount().sid(), token));
        return Future.future(p -> h.vertx.runOnContext(v -> client.connect(options)
                .onSuccess(socket -> socket.textMessageHandler(messages::accept)).onComplete(p)));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
