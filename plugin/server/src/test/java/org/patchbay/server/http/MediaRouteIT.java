package org.patchbay.server.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.adapters.http.AddressRange;
import org.patchbay.core.media.MediaGrants;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The media route over real HTTP on loopback: a file is served only while a call's grant of it
 * runs, and never to a client outside the allow list; refusals carry no body.
 */
class MediaRouteIT {
    private static final String ID = "ab".repeat(32);
    private static final byte[] AUDIO = {'R', 'I', 'F', 'F', 1, 2, 3, 4};

    @TempDir
    Path dir;
    private final Vertx vertx = Vertx.vertx();
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicLong now = new AtomicLong(5_000_000);
    private final MediaGrants grants = new MediaGrants(Duration.ofMinutes(10), 100, now::get);
    private Map<String, Path> files;
    private HttpServer server;

    @BeforeEach
    void file() throws Exception {
        files = Map.of(ID, Files.write(dir.resolve(ID + ".wav"), AUDIO));
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void serve(List<AddressRange> allowed) throws Exception {
        Router router = Router.router(vertx);
        new SpeechMediaRoute("/media/tts/", files::get, new MediaAccess(allowed, grants)).mount(router);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aFileIsServedOnlyWhileACallsGrantOfItRuns() throws Exception {
        serve(List.of());
        assertRefused(404, get("/media/tts/" + ID + ".wav"), "cached, but no call asked for it");

        grants.grant("/media/tts/" + ID + ".wav");
        HttpResponse<byte[]> served = get("/media/tts/" + ID + ".wav");
        assertEquals(200, served.statusCode());
        assertArrayEquals(AUDIO, served.body());

        now.addAndGet(Duration.ofMinutes(10).toMillis());
        assertRefused(404, get("/media/tts/" + ID + ".wav"), "the window after the call asked has passed");
    }

    @Test
    void anUnknownIdIs404EvenWhenGranted() throws Exception {
        serve(List.of());
        String unknown = "cd".repeat(32);
        grants.grant("/media/tts/" + unknown + ".wav");
        assertRefused(404, get("/media/tts/" + unknown + ".wav"), "granted, but no such file (evicted)");
    }

    @Test
    void aLoopbackClientOutsideTheAllowListGets403() throws Exception {
        serve(List.of(AddressRange.parse("127.0.0.2/32"), AddressRange.parse("::1/128")));
        grants.grant("/media/tts/" + ID + ".wav");
        assertRefused(403, get("/media/tts/" + ID + ".wav"), "127.0.0.1 is not 127.0.0.2");
        assertRefused(403, get("/media/tts/" + "ef".repeat(32) + ".wav"), "the client is judged before the id");
    }

    @Test
    void aClientInTheAllowListIsServed() throws Exception {
        serve(List.of(AddressRange.parse("127.0.0.0/8")));
        grants.grant("/media/tts/" + ID + ".wav");
        assertEquals(200, get("/media/tts/" + ID + ".wav").statusCode());
    }

    private static void assertRefused(int status, HttpResponse<byte[]> response, String why) {
        assertEquals(status, response.statusCode(), why);
        assertEquals(0, response.body().length, "a refusal has no body: " + why);
    }
}
