package org.patchbay.asterisk.sim;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A sim on a free port with the {@code patchbay} app connected, and helpers to act as the app. */
final class SimHarness implements AutoCloseable {
    static final long TIMEOUT_MILLIS = 10_000;
    private static final DateTimeFormatter ARI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");

    final Vertx vertx;
    final SimulatedAsterisk sim;
    final AriClient ari;
    final EventCollector app;

    private SimHarness(Vertx vertx, SimulatedAsterisk sim, AriClient ari, EventCollector app) {
        this.vertx = vertx;
        this.sim = sim;
        this.ari = ari;
        this.app = app;
    }

    static SimHarness start(double timeScale) {
        return start(SimOptions.defaults().withTimeScale(timeScale));
    }

    static SimHarness start(SimOptions options) {
        Vertx vertx = Vertx.vertx();
        SimulatedAsterisk sim = new SimulatedAsterisk(options);
        int port = sim.start(vertx).await();
        return new SimHarness(vertx, sim, new AriClient(vertx, port, "ari", "ari"),
                EventCollector.connect(vertx, port, "patchbay"));
    }

    /** Starts an inbound call and waits until it is in the app; returns the call. */
    InboundCall call() {
        InboundCall call = sim.startInboundCall("+15551234567", "1000", "Alice").await();
        awaitEvent("StasisStart", call.channelId());
        return call;
    }

    InboundCall answeredCall() {
        InboundCall call = call();
        expect(204, "POST", "/channels/" + call.channelId() + "/answer");
        return call;
    }

    JsonObject expect(int status, String method, String path) {
        AriClient.Response response = ari.ari(method, path, null);
        assertEquals(status, response.status(), method + " " + path + " answered " + response.body());
        Object json = response.json();
        return json instanceof JsonObject object ? object : null;
    }

    JsonArray expectArray(String path) {
        AriClient.Response response = ari.ari("GET", path, null);
        assertEquals(200, response.status(), "GET " + path + " answered " + response.body());
        return (JsonArray) response.json();
    }

    /** The latest event of {@code type} about channel (or playback/recording target) {@code id}. */
    JsonObject awaitEvent(String type, String id) {
        return awaitEvents(type, id, 1).get(0);
    }

    List<JsonObject> awaitEvents(String type, String id, int count) {
        return app.await(event -> type.equals(event.getString("type")) && concerns(event, id), count, TIMEOUT_MILLIS);
    }

    List<JsonObject> eventsAbout(String id) {
        return app.events().stream().filter(event -> concerns(event, id)).toList();
    }

    static List<String> types(List<JsonObject> events) {
        return events.stream().map(event -> event.getString("type")).toList();
    }

    static boolean concerns(JsonObject event, String id) {
        Predicate<String> matches = value -> id.equals(value) || ("channel:" + id).equals(value)
                || ("bridge:" + id).equals(value);
        for (String holder : List.of("channel", "peer", "playback", "recording", "bridge")) {
            JsonObject object = event.getJsonObject(holder);
            if (object != null && (matches.test(object.getString("id")) || matches.test(object.getString("name"))
                    || matches.test(object.getString("target_uri")))) {
                return true;
            }
        }
        return false;
    }

    /** Simulated milliseconds between two events' timestamps. */
    static long simMillisBetween(JsonObject first, JsonObject second) {
        return millis(second) - millis(first);
    }

    private static long millis(JsonObject event) {
        return OffsetDateTime.parse(event.getString("timestamp"), ARI_TIME).toInstant().toEpochMilli();
    }

    void awaitIdle() {
        awaitCondition("nothing left alive in the sim", () -> sim.state().await().idle());
    }

    static void awaitCondition(String what, BooleanSupplier condition) {
        if (!holdsWithin(TIMEOUT_MILLIS, condition)) {
            throw new AssertionError("timed out waiting for " + what);
        }
    }

    /** Whether {@code condition} comes true within {@code millis}, asked every 5 ms. */
    static boolean holdsWithin(long millis, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(5);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
        return true;
    }

    @Override
    public void close() {
        app.close();
        ari.close();
        sim.stop().await();
        vertx.close().await();
    }
}
