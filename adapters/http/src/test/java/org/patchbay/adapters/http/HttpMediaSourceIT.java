package org.patchbay.adapters.http;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchbay.core.media.MediaDownload;
import org.patchbay.core.media.MediaFailure;
import org.patchbay.testkit.FakeAppServer;
import org.patchbay.testkit.FakeResponse;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** <Play> media downloads follow the instruction fetches' rules: redirects, conditional requests, retries, codes. */
class HttpMediaSourceIT {
    private final Vertx vertx = Vertx.vertx();
    private FakeAppServer app;
    private HttpMediaSource source;

    @BeforeEach
    void start() throws Exception {
        app = FakeAppServer.start(vertx).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        source = new HttpMediaSource(vertx, 1024);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private MediaDownload get(String url, String etag) throws Exception {
        return source.get(url, etag, null).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private int failureCode(String url) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> get(url, null));
        return ((MediaFailure) e.getCause()).code().code();
    }

    @Test
    void followsRedirectsAndSendsValidators() throws Exception {
        app.redirect("/old.mp3", "/new.mp3");
        app.respond("/new.mp3", FakeResponse.bytes("audio/mpeg", new byte[]{1, 2, 3}).withHeader("ETag", "\"a\""));
        MediaDownload download = get(app.url("/old.mp3"), "\"z\"");
        assertEquals(200, download.status());
        assertArrayEquals(new byte[]{1, 2, 3}, download.body());
        assertEquals("\"a\"", download.etag());
        assertEquals("\"z\"", app.requests("/new.mp3").get(0).header("If-None-Match"));
    }

    @Test
    void failuresCarryTwiliosCodes() {
        app.respond("/missing.mp3", 404, "text/plain", "no");
        assertEquals(11200, failureCode(app.url("/missing.mp3")));
        app.respond("/big.mp3", FakeResponse.bytes("audio/mpeg", new byte[4096]));
        assertEquals(11200, failureCode(app.url("/big.mp3")));
        assertEquals(11205, failureCode("http://127.0.0.1:1/x.mp3"));
    }

    @Test
    void aServerErrorIsRetriedWhenTheUrlFragmentAsks() throws Exception {
        app.respondInTurn("/flaky.mp3", FakeResponse.status(503), FakeResponse.bytes("audio/mpeg", new byte[]{9}));
        assertEquals(200, get(app.url("/flaky.mp3#rc=1&rp=5xx"), null).status());
        assertEquals(2, app.requests("/flaky.mp3").size());
    }
}
