package org.patchbay.server.e2e;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A client application's registration socket, as a softphone would hold it, for the tests. */
final class PresenceClient implements AutoCloseable {
    // Held for the socket's life: Vert.x closes a client's connections once the client itself is unreachable.
    private final WebSocketClient webSockets;
    private final ClientWebSocket socket;
    private final LinkedBlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    private PresenceClient(WebSocketClient webSockets) {
        this.webSockets = webSockets;
        this.socket = webSockets.webSocket();
        socket.textMessageHandler(text -> received.add(new JsonObject(text)));
        socket.closeHandler(v -> closed = true);
    }

    /** Connects with the token as {@code Authorization: Bearer}, or as the {@code AccessToken} parameter. */
    static PresenceClient connect(Vertx vertx, int port, String token, boolean inQuery) {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                .setURI("/v1/Presence/Connect" + (inQuery ? "?AccessToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8) : ""));
        if (!inQuery) {
            options.addHeader("Authorization", "Bearer " + token);
        }
        // Handlers go on before connecting: a refusal may follow the handshake at once.
        PresenceClient client = new PresenceClient(vertx.createWebSocketClient());
        Harness.await(client.socket.connect(options));
        return client;
    }

    static PresenceClient connect(Harness h, String token) {
        return connect(h.vertx, h.patchbay.httpPort(), token, false);
    }

    /** The next message from Patchbay; fails the test after 5 s. */
    JsonObject next() {
        try {
            JsonObject message = received.poll(5, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("no message from Patchbay within 5 s");
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    JsonObject send(JsonObject message) {
        socket.writeTextMessage(message.encode());
        return next();
    }

    JsonObject register(String status, String endpoint) {
        JsonObject message = new JsonObject().put("type", "register").put("status", status);
        if (endpoint != null) {
            message.put("endpoint", endpoint);
        }
        return send(message);
    }

    boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        if (!socket.isClosed()) {
            Harness.await(socket.close().recover(alreadyClosing -> Future.succeededFuture()));
        }
        Harness.await(webSockets.close());
    }
}
