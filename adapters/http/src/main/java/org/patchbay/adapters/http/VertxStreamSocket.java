package org.patchbay.adapters.http;

import io.vertx.core.Handler;
import io.vertx.core.http.WebSocket;
import org.patchbay.core.stream.StreamSocket;

/** {@link StreamSocket} over a Vert.x client WebSocket; a transport failure closes it. */
final class VertxStreamSocket implements StreamSocket {
    private final WebSocket socket;

    VertxStreamSocket(WebSocket socket) {
        this.socket = socket;
        socket.exceptionHandler(failure -> socket.close());
    }

    @Override
    public void send(String text) {
        if (!socket.isClosed()) {
            socket.writeTextMessage(text);
        }
    }

    @Override
    public boolean writeQueueFull() {
        return socket.writeQueueFull();
    }

    @Override
    public void drainHandler(Handler<Void> handler) {
        socket.drainHandler(handler);
    }

    @Override
    public void textHandler(Handler<String> handler) {
        socket.textMessageHandler(handler);
    }

    @Override
    public void closeHandler(Handler<Void> handler) {
        socket.closeHandler(handler);
    }

    @Override
    public void close() {
        if (!socket.isClosed()) {
            socket.close();
        }
    }
}
