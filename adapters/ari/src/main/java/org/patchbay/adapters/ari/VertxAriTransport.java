package org.patchbay.adapters.ari;

import ch.loway.oss.ari4java.tools.HttpClient;
import ch.loway.oss.ari4java.tools.HttpParam;
import ch.loway.oss.ari4java.tools.HttpResponse;
import ch.loway.oss.ari4java.tools.HttpResponseHandler;
import ch.loway.oss.ari4java.tools.RestException;
import ch.loway.oss.ari4java.tools.WsClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * ari4java's HTTP and WebSocket transport, on Vert.x. ari4java's own Netty client waits for each
 * response on one of three shared threads; this one is fully asynchronous, pools keep-alive
 * connections, and completes every request on the Vert.x context that issued it.
 */
final class VertxAriTransport implements HttpClient, WsClient {
    private static final int MAX_EVENT_BYTES = 4 * 1024 * 1024;

    private final AriSettings settings;
    private final String authorization;
    private final HttpClientAgent http;
    private final WebSocketClient webSockets;
    private volatile WebSocket events;
    private volatile AriRequestObserver observer = AriRequestObserver.NONE;

    VertxAriTransport(Vertx vertx, AriSettings settings) {
        this.settings = settings;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((settings.user() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
        this.http = vertx.createHttpClient(new HttpClientOptions()
                        .setDefaultHost(settings.url().getHost())
                        .setDefaultPort(settings.port())
                        .setSsl(settings.secure())
                        .setKeepAlive(true)
                        .setConnectTimeout(5_000)
                        .setIdleTimeout(60),
                new PoolOptions().setHttp1MaxSize(64));
        this.webSockets = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setDefaultHost(settings.url().getHost())
                .setDefaultPort(settings.port())
                .setSsl(settings.secure())
                .setConnectTimeout(5_000)
                .setMaxFrameSize(MAX_EVENT_BYTES)
                .setMaxMessageSize(MAX_EVENT_BYTES));
    }

    /** A plain GET outside ari4java's model, for the version probe before ari4java knows its version. */
    Future<Buffer> get(String ariPath) {
        return plain("GET", ariPath, null);
    }

    /**
     * A PUT of a JSON body outside ari4java's model: ari4java wraps a body parameter in an object named after it,
     * which Asterisk unwraps for some operations ({@code variables}) and not for others ({@code eventFilter}).
     */
    Future<Buffer> put(String ariPath, String json) {
        return plain("PUT", ariPath, json);
    }

    Future<Buffer> delete(String ariPath) {
        return plain("DELETE", ariPath, null);
    }

    private Future<Buffer> plain(String method, String ariPath, String body) {
        return send(method, ariPath, null, body).compose(reply -> reply.status() >= 200 && reply.status() < 300
                ? Future.succeededFuture(reply.body())
                : Future.failedFuture(new RestException(reply.body().toString(StandardCharsets.UTF_8), reply.status())));
    }

    @Override
    public void httpActionAsync(String uri, String method, List<HttpParam> query, String body,
                                List<HttpResponse> errors, HttpResponseHandler handler, boolean binary) {
        send(method, uri, query, body).onComplete(done -> {
            if (done.failed()) {
                handler.onFailure(new RestException("ARI unreachable: " + done.cause().getMessage(), done.cause()));
                return;
            }
            Reply reply = done.result();
            if (reply.status() >= 200 && reply.status() < 300) {
                if (binary) {
                    handler.onSuccess(reply.body().getBytes());
                } else {
                    handler.onSuccess(reply.body().length() == 0 ? null : reply.body().toString(StandardCharsets.UTF_8));
                }
            } else {
                handler.onFailure(new RestException(reply.body().toString(StandardCharsets.UTF_8), reply.status()));
            }
        });
    }

    private record Reply(int status, Buffer body) {
    }

    void observe(AriRequestObserver requestObserver) {
        this.observer = requestObserver;
    }

    private Future<Reply> send(String method, String uri, List<HttpParam> query, String body) {
        long started = System.nanoTime();
        return exchange(method, uri, query, body).andThen(done -> observer.ended(method, resourceOf(uri),
                done.succeeded() ? done.result().status() : 0, System.nanoTime() - started));
    }

    /** {@code /channels/abc/play} is {@code channels}: few enough values to label a meter with. */
    private static String resourceOf(String uri) {
        int from = uri.startsWith("/") ? 1 : 0;
        int end = uri.indexOf('/', from);
        int query = uri.indexOf('?', from);
        if (end < 0 || query >= 0 && query < end) {
            end = query;
        }
        return end < 0 ? uri.substring(from) : uri.substring(from, end);
    }

    private Future<Reply> exchange(String method, String uri, List<HttpParam> query, String body) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(method))
                .setURI(settings.basePath() + "/ari" + uri + queryString(query))
                .putHeader(HttpHeaders.AUTHORIZATION, authorization);
        return http.request(options).compose(request -> {
            if (body == null || body.isEmpty()) {
                return request.send();
            }
            request.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
            return request.send(body);
        }).compose(response -> response.body().map(bytes -> new Reply(response.statusCode(), bytes)));
    }

    @Override
    public WsClientConnection connect(HttpResponseHandler handler, String url, List<HttpParam> query) {
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setURI(settings.basePath() + "/ari" + url + queryString(query))
                .addHeader(HttpHeaders.AUTHORIZATION.toString(), authorization);
        Future<WebSocket> opening = webSockets.connect(options);
        opening.onSuccess(socket -> {
            events = socket;
            socket.textMessageHandler(handler::onSuccess);
            socket.closeHandler(closed -> {
                events = null;
                handler.onDisconnect();
            });
            handler.onChReadyToWrite();
        }).onFailure(handler::onFailure);
        return () -> opening.onSuccess(socket -> socket.close());
    }

    /** Closes the events WebSocket if one is open (its close handler then reports the loss); false if none was. */
    boolean closeEvents() {
        WebSocket socket = events;
        if (socket == null || socket.isClosed()) {
            return false;
        }
        socket.close();
        return true;
    }

    @Override
    public boolean isWsConnected() {
        WebSocket socket = events;
        return socket != null && !socket.isClosed();
    }

    @Override
    public String httpActionSync(String uri, String method, List<HttpParam> query, String body, List<HttpResponse> errors)
            throws RestException {
        throw new RestException("Patchbay never calls ARI synchronously: " + method + " " + uri);
    }

    @Override
    public byte[] httpActionSyncAsBytes(String uri, String method, List<HttpParam> query, String body,
                                        List<HttpResponse> errors) throws RestException {
        throw new RestException("Patchbay never calls ARI synchronously: " + method + " " + uri);
    }

    @Override
    public void destroy() {
        WebSocket socket = events;
        if (socket != null) {
            socket.close();
        }
        http.close();
        webSockets.close();
    }

    /** Percent-encodes like Asterisk's own clients (space as %20), skipping empty values as ari4java does. */
    private static String queryString(List<HttpParam> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (HttpParam param : query) {
            if (param.getValue() == null || param.getValue().isEmpty()) {
                continue;
            }
            out.append(out.length() == 0 ? '?' : '&')
                    .append(param.getName()).append('=')
                    .append(encode(param.getValue()));
        }
        return out.toString();
    }

    /** A path segment or query value of an ARI request, percent-encoded (a space as {@code %20}, as Asterisk reads it). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
