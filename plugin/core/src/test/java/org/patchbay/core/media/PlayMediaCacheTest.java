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
    /** Names media as the keyed ids do (stable per URL and content); the keying itself is PlayMediaIdsTest's. */
    private static final MediaIds IDS = (url, content) -> {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(url.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest.digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    };
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
        PlayMediaCache cache = new PlayMediaCache(vertx, source, copy, IDS, dir, 2500);
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
        PlayMediaCache cache = new PlayMediaCache(vertx, source, copy, IDS, dir, 1 << 20);
        Future<CachedMedia> first = cache.fetch("http://h.example/x");
        Future<CachedMedia> second = cache.fetch("http://h.example/x");
        assertEquals(await(first).id(), await(second).id());
        assertEquals(1, downloads.size());
    }

    @Test
    void somethingThatIsNotAudioIs13420() throws Exception {
        MediaSource html = (url, etag, lastModified) -> Future.succeededFuture(
                new MediaDownload(200, "text/html", "<html/>".getBytes(), null, null, null, null));
        PlayMediaCache cache = new PlayMediaCache(vertx, html, copy, IDS, dir, 1 << 20);
        Throwable failure = cache.fetch("http://h.example/page").toCompletionStage().toCompletableFuture()
                .handle((ok, error) -> error).get(10, TimeUnit.SECONDS);
        assertTrue(failure instanceof MediaFailure, String.valueOf(failure));
        assertEquals(13420, ((MediaFailure) failure).code().code());
    }

    @Test
    void filesAnEarlierRunLeftAreRemovedAndTheirIdsAreUnknown() throws Exception {
        Path leftover = Files.write(dir.resolve("a".repeat(64) + ".wav"), new byte[100]);
        Path part = Files.write(dir.resolve("b".repeat(64) + "-1.wav.part"), new byte[100]);
        Path other = Files.write(dir.resolve("notes.txt"), new byte[1]);
        PlayMediaCache cache = new PlayMediaCache(vertx, source, copy, IDS, dir, 1 << 20);

        assertEquals(2, await(cache.removeLeftovers()));
        assertFalse(Files.exists(leftover));
        assertFalse(Files.exists(part));
        assertTrue(Files.exists(other), "only media files are the cache's to delete");
        assertNull(cache.cached("a".repeat(64)));
        CachedMedia fetched = await(cache.fetch("http://h.example/a"));
        assertEquals(IDS.idOf("http://h.example/a", new byte[1000]), fetched.id(), "the id comes from the MediaIds");
        assertNotNull(cache.cached(fetched.id()));
    }
}
