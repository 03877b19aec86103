package org.patchbay.core.stream;

import io.vertx.core.Future;

import java.util.Map;

/**
 * Opens WebSocket client connections to applications (Media Streams). Implemented by an adapter; the future and
 * the socket's handlers complete on the Vert.x context that called {@link #connect}.
 */
public interface StreamConnector {

    /**
     * Connects to {@code url} ({@code ws://} or {@code wss://}) with the extra request {@code headers}; fails with
     * {@link StreamConnectException} when the upgrade is refused or the connection cannot be made.
     */
    Future<StreamSocket> connect(String url, Map<String, String> headers);
}
