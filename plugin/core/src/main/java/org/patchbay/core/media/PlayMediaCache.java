package org.patchbay.core.media;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.patchbay.core.error.ErrorCode;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code <Play>} media that Patchbay fetches and converts itself, so that MP3 and any common WAV
 * play on Asterisk: downloaded by the {@link MediaSource} (Twilio's fetch rules), decoded by the
 * {@link AudioDecoder} to 8 kHz linear WAV, kept on disk under a bound on their total size, the
 * least recently played evicted first. A fresh entry plays without asking the server; a stale one
 * is revalidated with its ETag or Last-Modified. Several calls asking for the same URL at once
 * share one download. File work runs on worker threads; the index is locked per operation.
 */
public final class PlayMediaCache {
    private record Entry(String url, CachedMedia media, long freshUntilMillis, String etag, String lastModified) {
    }

    private final Vertx vertx;
    private final MediaSource source;
    private final AudioDecoder decoder;
    private final MediaIds ids;
    private final Path directory;
    private final long maxBytes;
    private final Map<String, Entry> byUrl = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, Entry> byId = new HashMap<>();
    private final Map<String, Future<CachedMedia>> inFlight = new ConcurrentHashMap<>();
    private long totalBytes;
    /** Downloads wait for the clearing of leftovers, so it cannot delete a file placed meanwhile. */
    private volatile Future<?> cleared = Future.succeededFuture();

    /**
     * @param ids      names the converted files (a keyed HMAC, so a name cannot be computed from the URL)
     * @param maxBytes the bound on the converted files' total size; the newest file is kept even if it alone is larger
     */
    public PlayMediaCache(Vertx vertx, MediaSource source, AudioDecoder decoder, MediaIds ids, Path directory, long maxBytes) {
        this.vertx = vertx;
        this.source = source;
        this.decoder = decoder;
        this.ids = ids;
        this.directory = directory.toAbsolutePath();
        this.maxBytes = maxBytes;
    }

    /** The converted media for a URL, from the cache while fresh. Fails with {@link MediaFailure}. */
    public Future<CachedMedia> fetch(String url) {
        Entry known;
        synchronized (this) {
            known = byUrl.get(url);
        }
        if (known != null && known.freshUntilMillis > System.currentTimeMillis()) {
            return Future.succeededFuture(known.media);
        }
        Promise<CachedMedia> shared = Promise.promise();
        Future<CachedMedia> already = inFlight.putIfAbsent(url, shared.future());
        if (already != null) {
            return already;
        }
        download(url, known).onComplete(done -> {
            inFlight.remove(url, shared.future());
            shared.handle(done);
        });
        return shared.future();
    }

    /**
     * The converted media with this id, or null: how the media route finds the file to serve. The
     * index lives in memory, so an id is known only while its entry is cached on this node: an
     * evicted id, or one from before a restart, is unknown.
     */
    public synchronized CachedMedia cached(String id) {
        Entry entry = byId.get(id);
        return entry == null ? null : entry.media;
    }

    private Future<CachedMedia> download(String url, Entry known) {
        return cleared.transform(ignored -> source.get(url, known == null ? null : known.etag, known == null ? null : known.lastModified)
                .compose(download -> download.notModified() && known != null
                        ? Future.succeededFuture(revalidated(known, download))
                        : convert(url, download)));
    }

    private CachedMedia revalidated(Entry known, MediaDownload download) {
        Entry refreshed = new Entry(known.url, known.media, Freshness.freshUntilMillis(download, System.currentTimeMillis()),
                download.etag() != null ? download.etag() : known.etag,
                download.lastModified() != null ? download.lastModified() : known.lastModified);
        synchronized (this) {
            if (byUrl.get(known.url) == known) {
                byUrl.put(known.url, refreshed);
                byId.put(known.media.id(), refreshed);
            }
        }
        return known.media;
    }

    private Future<CachedMedia> convert(String url, MediaDownload download) {
        if (!isAudio(download.contentType())) {
            String found = download.contentType() == null ? "no Content-Type" : "Content-Type " + download.contentType();
            return Future.failedFuture(new MediaFailure(ErrorCode.PLAY_INVALID_CONTENT_TYPE,
                    found + " from " + url + "; <Play> needs audio/*"));
        }
        String id = ids.idOf(url, download.body());
        Path target = directory.resolve(id + ".wav");
        return vertx.executeBlocking(() -> {
            Files.createDirectories(directory);
            Path input = Files.createTempFile(directory, id + "-", ".in.part");
            Files.write(input, download.body());
            return input;
        }, false).compose(input -> {
            Path output = directory.resolve(id + "-" + System.nanoTime() + ".wav.part");
            return decoder.toTelephonyWav(input, output)
                    .compose(v -> vertx.executeBlocking(() -> place(output, target), false))
                    .eventually(() -> vertx.executeBlocking(() -> {
                        Files.deleteIfExists(input);
                        Files.deleteIfExists(output);
                        return null;
                    }, false));
        }).map(bytes -> remember(new Entry(url, new CachedMedia(id, target, bytes),
                Freshness.freshUntilMillis(download, System.currentTimeMillis()), download.etag(), download.lastModified())));
    }

    private static long place(Path output, Path target) throws IOException {
        Files.move(output, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return Files.size(target);
    }

    private CachedMedia remember(Entry entry) {
        List<Path> evicted = new ArrayList<>();
        synchronized (this) {
            Entry replaced = byUrl.put(entry.url, entry);
            if (replaced != null) {
                byId.remove(replaced.media.id());
                totalBytes -= replaced.media.bytes();
                if (!replaced.media.id().equals(entry.media.id())) {
                    evicted.add(replaced.media.file());
                }
            }
            byId.put(entry.media.id(), entry);
            totalBytes += entry.media.bytes();
            for (Iterator<Entry> oldest = byUrl.values().iterator(); totalBytes > maxBytes && oldest.hasNext(); ) {
                Entry candidate = oldest.next();
                if (candidate == entry) {
                    continue;
                }
                oldest.remove();
                byId.remove(candidate.media.id());
                totalBytes -= candidate.media.bytes();
                evicted.add(candidate.media.file());
            }
        }
        if (!evicted.isEmpty()) {
            vertx.executeBlocking(() -> {
                for (Path file : evicted) {
                    Files.deleteIfExists(file);
                }
                return null;
            }, false);
        }
        return entry.media;
    }

    /**
     * Deletes what an earlier run left in the directory. The index lives in memory, so those files
     * could never be served nor evicted again: left there, they would grow past the size bound
     * with every restart. Call once, at start; downloads wait for it. One data directory per node.
     */
    public Future<Integer> removeLeftovers() {
        Future<Integer> clearing = vertx.executeBlocking(() -> {
            if (!Files.isDirectory(directory)) {
                return 0;
            }
            int removed = 0;
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.{wav,part}")) {
                for (Path file : files) {
                    if (Files.isRegularFile(file) && Files.deleteIfExists(file)) {
                        removed++;
                    }
                }
            }
            return removed;
        }, false);
        cleared = clearing;
        return clearing;
    }

    /** Total size of the converted files kept now; for tests and health. */
    public synchronized long totalBytes() {
        return totalBytes;
    }

    private static boolean isAudio(String contentType) {
        return contentType != null && contentType.trim().toLowerCase(Locale.ROOT).startsWith("audio/");
    }
}
