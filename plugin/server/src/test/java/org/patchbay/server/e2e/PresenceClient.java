package org.patchbay.server.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client application's registration socket, as a softphone would hold it, for the tests. It is the JDK's
 * WebSocket: Vert.x 5.0.7's {@code ClientWebSocket} fails its connect with "WebSocket is closed" when the
 * server refuses a token and closes right after the handshake, before the refusal can be read.
 */
final class PresenceClient implements AutoCloseable {
    private final LinkedBlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean closed;
    private WebSocket socket;

    private final WebSocket.Listener listener = new WebSocket.Listener() {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(new JsonObject(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed = true;
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed = true;
        }
    };

    /** Connects with the token as {@code Authorization: Bearer}, or as the {@code AccessToken} parameter. */
    static PresenceClient connect(Vertx vertx, int port, String token, boolean inQuery) {
        URI uri = URI.create("ws://127.0.0.1:" + port + "/v1/Presence/Connect"
                + (inQuery ? "?AccessToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8) : ""));
        PresenceClient client = new PresenceClient();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (!inQuery) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            client.socket = builder.buildAsync(uri, client.listener).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not connect to " + uri, e);
        }
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
        socket.sendText(message.encode(), true).join();
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
        if (!closed && !socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
            } catch (Exception alreadyClosing) {
                socket.abort();
            }
        }
    }
}
