package org.patchbay.adapters.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.SocketAddress;
import org.patchbay.core.stream.StreamConnectException;
import org.patchbay.core.stream.StreamConnector;
import org.patchbay.core.stream.StreamSocket;

import java.net.URI;
import java.util.Map;

/**
 * Media Streams' WebSocket client: connects to the app's {@code ws(s)://} URL under the same
 * {@link OutboundPolicy} as every other request to an account's URL (the name resolved once, checked, and
 * connected to by that address), with the headers given (the signature). Messages up to 4 MiB: an app may send
 * seconds of audio in one {@code media} message.
 */
public final class VertxStreamConnector implements StreamConnector {
    private static final int MAX_MESSAGE_BYTES = 4 << 20;
    private static final int CONNECT_TIMEOUT_MILLIS = 5000;
    /**
     * Vert.x allows 50 WebSockets per host by default and fails the rest ("Closed"): one app host serves every
     * stream of its calls, so the bound is the number of calls, not this.
     */
    private static final int MAX_SOCKETS_PER_HOST = 65_536;

    private final Vertx vertx;
    private final OutboundPolicy policy;
    /** Held for the connector's life: Vert.x closes clients that become unreachable. */
    private final WebSocketClient client;

    public VertxStreamConnector(Vertx vertx, OutboundPolicy policy) {
        this.vertx = vertx;
        this.policy = policy;
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(MAX_MESSAGE_BYTES)
                .setMaxFrameSize(MAX_MESSAGE_BYTES).setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
                .setMaxConnections(MAX_SOCKETS_PER_HOST)
                .setVerifyHost(true));
    }

    @Override
    public Future<StreamSocket> connect(String url, Map<String, String> headers) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException invalid) {
            return Future.failedFuture(new StreamConnectException(0, "not a URL: " + url));
        }
        boolean secure = "wss".equalsIgnoreCase(uri.getScheme());
        String host = uri.getHost();
        if (host == null || !(secure || "ws".equalsIgnoreCase(uri.getScheme()))) {
            return Future.failedFuture(new StreamConnectException(0, "not a ws:// or wss:// URL: " + url));
        }
        int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return ((VertxInternal) vertx).nameResolver().resolve(name).compose(address -> {
            AddressRange refused = policy.refusing(address);
            if (refused != null) {
                return Future.failedFuture(new OutboundRefusedException(host, address.getHostAddress(), refused));
            }
            WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(host).setPort(port).setSsl(secure)
                    .setURI(path);
            options.setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()));
            headers.forEach(options::addHeader);
            return client.connect(options);
        }).<StreamSocket>map(VertxStreamSocket::new).recover(failed -> Future.failedFuture(
                failed instanceof UpgradeRejectedException rejected
                        ? new StreamConnectException(rejected.getStatus(), "the upgrade was refused")
                        : new StreamConnectException(0, String.valueOf(failed.getMessage()))));
    }

    public Future<Void> close() {
        return client.close();
    }
}
