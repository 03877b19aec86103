package org.patchbay.asterisk.sim;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server handing out media files for {@code sound:http://...} playbacks. */
final class MediaServer implements AutoCloseable {

    record Media(int status, Buffer body, MultiMap headers) {
        static Media wav(Buffer body, String... headerPairs) {
            MultiMap headers = MultiMap.caseInsensitiveMultiMap();
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                headers.add(headerPairs[i], headerPairs[i + 1]);
            }
            return new Media(200, body, headers);
        }
    }

    private final Map<String, Media> media = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final HttpServer server;

    private MediaServer(HttpServer server) {
        this.server = server;
    }

    /** Listens on {@code port}, or on a free port when it is 0. */
    static MediaServer start(Vertx vertx, int port) {
        MediaServer[] holder = new MediaServer[1];
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            MediaServer self = holder[0];
            self.hits.computeIfAbsent(request.path(), key -> new AtomicInteger()).incrementAndGet();
            Media found = self.media.get(request.path());
            if (found == null) {
                request.response().setStatusCode(404).end("not found");
                return;
            }
            request.response().setStatusCode(found.status()).headers().addAll(found.headers());
            request.response().end(found.body());
        });
        holder[0] = new MediaServer(server);
        server.listen(port, "127.0.0.1").await();
        return holder[0];
    }

    MediaServer serve(String path, Media file) {
        media.put(path, file);
        return this;
    }

    int port() {
        return server.actualPort();
    }

    int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.close().await();
    }
}
