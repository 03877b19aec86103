package org.patchbay.core.media;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The size bound and least-recently-played eviction, with a source that serves fixed bytes and a decoder that copies. */
class PlayMediaCacheTest {
    @TempDir
    Path dir;
    private final Vertx vertx = Vertx.vertx();
    private final List<String> downloads = new ArrayList<>();

    @AfterEach
    void close() {
        vertx.close();
    }

    private final MediaSource source = (url, etag, lastModified) -> {
        synchronized (downloads) {
            downloads.add(url);
        }
        return Future.succeededFuture(new MediaDownload(200, "audio/wav", new byte[1000], "max-age=3600", null, null, null));
    };

    private final AudioDecoder copy = (input, output) -> vertx.executeBlocking(() -> {
        Files.copy(input, output);
        return null;
    }, false);

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void theLeastRecentlyPlayedGoesWhenTheBoundIsPassed() throws Exception {
        PlayMediaCache cache = new PlayMediaCache(vertx, source, copy, dir, 2500);
        CachedMedia a = await(cache.fetch("http://h.example/a"));
        CachedMedia b = await(cache.fetch("http://h.example/b"));
        await(cache.fetch("http://h.example/a"));
        CachedMedia c = await(cache.fetch("http://h.example/c"));

        assertEquals(List.of("http://h.example/a", "http://h.example/b", "http://h.example/c"), downloads);
        assertNull(cache.cached(b.id()), "b was played least recently");
        assertNotNull(cache.cached(a.id()));
        assertNotNull(cache.cached(c.id()));
        assertEquals(2000, cache.totalBytes());
        long deadline = System.currentTimeMillis() + 5000;
        while (Files.exists(b.file()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(Files.exists(b.file()), "the evicted file is deleted");
        assertTrue(Files.exists(a.file()));
    }

    @Test
    void playsAtTheSameTimeShareOneDownload() throws Exception {
        PlayMediaCache cache = new PlayMediaCache(vertx, source, copy, dir, 1 << 20);
        Future<CachedMedia> first = cache.fetch("http://h.example/x");
        Future<CachedMedia> second = cache.fetch("http://h.example/x");
        assertEquals(await(first).id(), await(second).id());
        assertEquals(1, downloads.size());
    }

    @Test
    void somethingThatIsNotAudioIs13420() throws Exception {
        MediaSource html = (url, etag, lastModified) -> Future.succeededFuture(
                new MediaDownload(200, "text/html", "<html/>".getBytes(), null, null, null, null));
        PlayMediaCache cache = new PlayMediaCache(vertx, html, copy, dir, 1 << 20);
        Throwable failure = cache.fetch("http://h.example/page").toCompletionStage().toCompletableFuture()
                .handle((ok, error) -> error).get(10, TimeUnit.SECONDS);
        assertTrue(failure instanceof MediaFailure, String.valueOf(failure));
        assertEquals(13420, ((MediaFailure) failure).code().code());
    }
}
