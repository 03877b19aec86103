package org.patchbay.benchmarks;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Media Streams application of the stream benchmark, in the driver: {@code POST /voice} answers a
 * {@code <Connect><Stream>} to itself, and each stream's socket echoes every inbound {@code media} frame straight
 * back (a bot that talks as much as it hears) while the arrival time of each frame is kept for {@link FrameTiming}.
 * Two event loops serve it, so the driver is not what limits the figures.
 */
final class EchoStreamApp {
    private final Map<String, FrameTiming> streams = new ConcurrentHashMap<>();
    private final int port;

    private EchoStreamApp(int port) {
        this.port = port;
    }

    static EchoStreamApp start(Vertx vertx, int port) {
        EchoStreamApp app = new EchoStreamApp(port);
        vertx.deployVerticle(() -> app.new Server(), new DeploymentOptions().setInstances(2)).await();
        return app;
    }

    /** Stream SID → its frames; a stream appears once its {@code start} arrived. */
    Map<String, FrameTiming> streams() {
        return streams;
    }

    private final class Server extends VerticleBase {
        @Override
        public Future<?> start() {
            String twiml = "<Response><Connect><Stream url=\"ws://127.0.0.1:" + port + "/echo\"/></Connect></Response>";
            return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                    .webSocketHandler(this::stream)
                    .requestHandler(request -> request.response().putHeader("Content-Type", "text/xml").end(twiml))
                    .listen();
        }

        private void stream(ServerWebSocket socket) {
            FrameTiming[] timing = new FrameTiming[1];
            socket.textMessageHandler(text -> {
                long now = System.nanoTime();
                JsonObject message = new JsonObject(text);
                switch (message.getString("event", "")) {
                    case "start" -> {
                        timing[0] = new FrameTiming();
                        streams.put(message.getString("streamSid"), timing[0]);
                    }
                    case "media" -> {
                        timing[0].arrived(now, Long.parseLong(message.getJsonObject("media").getString("timestamp")));
                        JsonObject echo = new JsonObject().put("event", "media").put("streamSid", message.getString("streamSid"))
                                .put("media", new JsonObject().put("payload", message.getJsonObject("media").getString("payload")));
                        socket.writeTextMessage(echo.encode());
                        timing[0].echoed();
                    }
                    default -> {
                        // connected, dtmf, mark, stop: nothing to measure.
                    }
                }
            });
        }
    }
}
