package org.patchbay.asterisk.sim.ari;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import org.patchbay.asterisk.sim.engine.Engine;
import org.patchbay.asterisk.sim.engine.MediaConnection;
import org.patchbay.asterisk.sim.engine.MediaSink;

import java.util.Arrays;
import java.util.List;

/**
 * {@code GET /media/<connection id>}: chan_websocket's media WebSocket, outside {@code /ari} and without
 * credentials, as captured. Subprotocol {@code media} is echoed (the server offers it), none is fine, any other
 * gets 400 with an empty body; an unknown id 404, a second connection 409, with Asterisk's HTML bodies.
 */
final class MediaSocket {
    static final String SUBPROTOCOL = "media";

    private final Engine engine;

    MediaSocket(Engine engine) {
        this.engine = engine;
    }

    void mount(io.vertx.ext.web.Router router) {
        router.get("/media/:connectionId").handler(this::handle);
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        MediaConnection connection = engine.externalMedia().connection(context.pathParam("connectionId"));
        if (connection == null) {
            refuse(context, 404, "Not found", "WebSocket instance not found");
            return;
        }
        String protocols = request.getHeader("Sec-WebSocket-Protocol");
        if (protocols != null && Arrays.stream(protocols.split(",")).map(String::trim).noneMatch(SUBPROTOCOL::equals)) {
            context.response().setStatusCode(400).putHeader("Sec-WebSocket-Version", "7, 8, 13")
                    .putHeader("Cache-Control", "no-cache, no-store").end();
            return;
        }
        if (connection.connected()) {
            refuse(context, 409, "Conflict", "Another websocket connection exists for this connection id");
            return;
        }
        request.toWebSocket().onSuccess(socket -> {
            if (connection.connected()) {
                socket.close((short) 1008);
                return;
            }
            socket.binaryMessageHandler(bytes -> connection.binary(bytes.getBytes()));
            socket.textMessageHandler(connection::text);
            socket.closeHandler(closed -> connection.socketClosed());
            connection.attach(new VertxSink(socket));
        });
    }

    private static void refuse(RoutingContext context, int status, String title, String message) {
        String body = "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\r\n<html><head>\r\n<title>" + status + " "
                + title + "</title>\r\n</head><body>\r\n<h1>" + title + "</h1>\r\n<p>" + message
                + "</p>\r\n<hr />\r\n<address>Asterisk/22.10.1</address>\r\n</body></html>\r\n";
        context.response().setStatusCode(status).putHeader("Content-Type", "text/html")
                .putHeader("Cache-Control", "no-cache, no-store").end(body);
    }

    private record VertxSink(ServerWebSocket socket) implements MediaSink {
        @Override
        public void sendText(String text) {
            if (!socket.isClosed()) {
                socket.writeTextMessage(text);
            }
        }

        @Override
        public void sendBinary(byte[] frame) {
            if (!socket.isClosed()) {
                socket.writeBinaryMessage(Buffer.buffer(frame));
            }
        }

        @Override
        public boolean writeQueueFull() {
            return socket.writeQueueFull();
        }

        @Override
        public void close(short code) {
            if (!socket.isClosed()) {
                socket.close(code);
            }
        }
    }

    static List<String> offeredSubprotocols() {
        return List.of(SUBPROTOCOL);
    }
}
