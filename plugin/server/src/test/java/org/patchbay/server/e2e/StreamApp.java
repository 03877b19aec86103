package org.patchbay.server.e2e;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A Twilio Media Streams application for the tests: a real Vert.x WebSocket server on loopback that keeps
 * every message it receives (JSON), the upgrade request's headers, and lets a test send messages or close.
 */
final class StreamApp implements AutoCloseable {
    private final HttpServer server;
    private final List<JsonObject> received = new ArrayList<>();
    private final Map<String, String> upgradeHeaders = new ConcurrentHashMap<>();
    private volatile ServerWebSocket socket;
    private volatile String upgradeUri;
    private volatile boolean closed;
    private volatile boolean holdUpgrades;
    private volatile int refuseWith;
    private volatile int upgradesAsked;
    private volatile ServerWebSocketHandshake held;
    private volatile io.vertx.core.Context heldOn;

    private StreamApp(HttpServer server) {
        this.server = server;
    }

    static StreamApp start(Vertx vertx) {
        StreamApp[] app = new StreamApp[1];
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                .setMaxWebSocketMessageSize(1 << 20));
        server.webSocketHandshakeHandler(handshake -> app[0].handshake(handshake));
        app[0] = new StreamApp(server);
        Harness.await(server.listen());
        return app[0];
    }

    String url(String path) {
        return "ws://127.0.0.1:" + server.actualPort() + path;
    }

    /** Upgrades wait for {@link #releaseUpgrade} while held; refused with {@code refuseWith} when it is set. */
    private void handshake(ServerWebSocketHandshake handshake) {
        upgradesAsked++;
        upgradeUri = handshake.uri();
        handshake.headers().forEach(header -> upgradeHeaders.put(header.getKey().toLowerCase(), header.getValue()));
        if (refuseWith > 0) {
            handshake.reject(refuseWith);
        } else if (holdUpgrades) {
            held = handshake;
            heldOn = io.vertx.core.Vertx.currentContext();
        } else {
            handshake.accept().onSuccess(this::accept);
        }
    }

    void holdUpgrades() {
        holdUpgrades = true;
    }

    void refuseUpgradesWith(int status) {
        refuseWith = status;
    }

    int upgradesAsked() {
        return upgradesAsked;
    }

    void releaseUpgrade() {
        holdUpgrades = false;
        // A late socket Patchbay closes at once can fail the accept itself: the connection is gone either way.
        heldOn.runOnContext(v -> held.accept().onSuccess(this::accept).onFailure(gone -> closed = true));
    }

    /** A socket Patchbay closes at once (a late one, for an ended call) may be closed before this runs. */
    private void accept(ServerWebSocket opened) {
        socket = opened;
        opened.closeHandler(gone -> closed = true);
        if (opened.isClosed()) {
            closed = true;
            return;
        }
        opened.textMessageHandler(text -> {
            synchronized (received) {
                received.add(new JsonObject(text));
            }
        });
    }

    String header(String name) {
        return upgradeHeaders.get(name.toLowerCase());
    }

    String upgradeUri() {
        return upgradeUri;
    }

    List<JsonObject> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    List<JsonObject> events(String event) {
        return received().stream().filter(message -> event.equals(message.getString("event"))).toList();
    }

    JsonObject await(Harness h, String event) {
        return await(event);
    }

    JsonObject await(String event) {
        Harness.waitFor("a '" + event + "' message from Patchbay", () -> !events(event).isEmpty());
        return events(event).get(0);
    }

    void awaitCount(Harness h, String what, Predicate<List<JsonObject>> enough) {
        awaitCount(what, enough);
    }

    void awaitCount(String what, Predicate<List<JsonObject>> enough) {
        Harness.waitFor(what, () -> enough.test(received()));
    }

    /** The inbound audio the app got, in order, joined. */
    byte[] inboundAudio() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        events("media").forEach(m -> out.writeBytes(Base64.getDecoder().decode(m.getJsonObject("media").getString("payload"))));
        return out.toByteArray();
    }

    void send(JsonObject message) {
        Harness.await(socket.writeTextMessage(message.encode()));
    }

    void sendMedia(String streamSid, byte[] ulaw) {
        send(new JsonObject().put("event", "media").put("streamSid", streamSid)
                .put("media", new JsonObject().put("payload", Base64.getEncoder().encodeToString(ulaw))));
    }

    void sendMark(String streamSid, String name) {
        send(new JsonObject().put("event", "mark").put("streamSid", streamSid).put("mark", new JsonObject().put("name", name)));
    }

    void sendClear(String streamSid) {
        send(new JsonObject().put("event", "clear").put("streamSid", streamSid));
    }

    boolean connected() {
        return socket != null;
    }

    boolean closed() {
        return closed;
    }

    void closeSocket() {
        Harness.await(socket.close());
    }

    @Override
    public void close() {
        Future<Void> stopped = server.close();
        Harness.await(stopped);
    }
}
