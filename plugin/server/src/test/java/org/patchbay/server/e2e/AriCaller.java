package org.patchbay.server.e2e;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Plays the caller on a real Asterisk, as the ARI captures were made: a Local channel into the
 * inbound context is originated into a tester app of its own; its {@code ;1} half is the caller,
 * whose DTMF and hang-up Patchbay sees on the {@code ;2} half in its Stasis app.
 */
final class AriCaller implements AutoCloseable {
    static final String TESTER_APP = "patchbay-tester";

    private final HttpClientAgent http;
    private final URI base;
    private final String authorization;
    // Held for the socket's life: Vert.x closes a client's connections once the client itself is unreachable.
    private final WebSocketClient webSockets;
    private final WebSocket socket;
    private final io.vertx.core.Context context;

    AriCaller(Vertx vertx, String ariUrl, String user, String password) {
        this.base = URI.create(ariUrl);
        this.http = vertx.createHttpClient();
        this.context = vertx.getOrCreateContext();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.webSockets = vertx.createWebSocketClient();
        this.socket = Harness.await(webSockets.connect(new WebSocketConnectOptions()
                .setHost(base.getHost()).setPort(base.getPort()).setSsl("https".equals(base.getScheme()))
                .setURI(base.getRawPath() + "/ari/events?app=" + TESTER_APP + "&subscribeAll=false")
                .addHeader("Authorization", authorization)));
        socket.textMessageHandler(text -> { });
        awaitRegistered();
    }

    /** The tester's originate names its app: confirm Asterisk lists it before the first call. */
    private void awaitRegistered() {
        long deadline = System.currentTimeMillis() + 5_000;
        while (true) {
            try {
                request(HttpMethod.GET, "/applications/" + TESTER_APP);
                return;
            } catch (RuntimeException | AssertionError notYet) {
                if (System.currentTimeMillis() > deadline) {
                    throw notYet;
                }
                Harness.sleep(java.time.Duration.ofMillis(50));
            }
        }
    }

    /** Calls {@code number} in {@code context}; returns the caller's channel id (the Local ;1 half). */
    String call(String from, String number, String context) {
        JsonObject channel = request(HttpMethod.POST, "/channels?endpoint=" + encode("Local/" + number + "@" + context)
                + "&app=" + TESTER_APP + "&appArgs=caller&callerId=" + encode("\"Caller\" <" + from + ">")).toJsonObject();
        return channel.getString("id");
    }

    void press(String callerChannelId, String digits) {
        request(HttpMethod.POST, "/channels/" + callerChannelId + "/dtmf?dtmf=" + encode(digits));
    }

    /** Plays {@code media} (e.g. {@code sound:tt-monkeys}) to the caller's own channel: Patchbay's side hears it. */
    void play(String callerChannelId, String media) {
        request(HttpMethod.POST, "/channels/" + callerChannelId + "/play?media=" + encode(media));
    }

    /** The ids of every channel and bridge the PBX has ({@code GET /channels}, {@code GET /bridges}). */
    List<String> channelAndBridgeIds() {
        List<String> ids = new ArrayList<>();
        for (String path : List.of("/channels", "/bridges")) {
            request(HttpMethod.GET, path).toJsonArray().forEach(item -> ids.add(path + "/" + ((JsonObject) item).getString("id")));
        }
        return ids;
    }

    void hangUp(String channelId) {
        request(HttpMethod.DELETE, "/channels/" + channelId);
    }

    /** Sent from an event loop: Vert.x 5.0.7's client used from a test thread sometimes never connects. */
    private Buffer request(HttpMethod method, String path) {
        io.vertx.core.Promise<Buffer> answer = io.vertx.core.Promise.promise();
        context.runOnContext(v -> http.request(new RequestOptions().setMethod(method)
                        .setHost(base.getHost()).setPort(base.getPort()).setURI(base.getRawPath() + "/ari" + path)
                        .putHeader("Authorization", authorization))
                .compose(req -> req.send())
                .compose(resp -> resp.body().compose(body -> resp.statusCode() < 300 ? Future.succeededFuture(body)
                        : Future.failedFuture("ARI " + method + " " + path + " answered " + resp.statusCode() + " " + body)))
                .onComplete(answer));
        return Harness.await(answer.future());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        socket.close();
        webSockets.close();
        http.close();
    }
}
