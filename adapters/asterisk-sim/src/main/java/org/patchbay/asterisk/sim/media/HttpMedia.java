package org.patchbay.asterisk.sim.media;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.net.URI;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code sound:http(s)://...} media, fetched for real the way Asterisk 22.10.1's media cache does,
 * including its rules for what it accepts and keeps.
 */
public final class HttpMedia {
    /** Asterisk 22.10.1 sizes the cached file's path buffer from the URL, so shorter URLs fail. */
    public static final int MIN_URL_LENGTH = 28;
    private static final long FETCH_TIMEOUT_MILLIS = 10_000;
    private static final long DEFAULT_KEEP_MILLIS = 24 * 3600 * 1000L;

    private record Cached(long millis, long expiresAtMillis) {
    }

    private final WebClient client;
    private final Map<String, Cached> cache = new HashMap<>();
    private final Map<String, Integer> fetches = new LinkedHashMap<>();

    public HttpMedia(Vertx vertx) {
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setUserAgent("asterisk-sim")
                .setConnectTimeout((int) FETCH_TIMEOUT_MILLIS)
                .setFollowRedirects(true));
    }

    /** How long the media at {@code url} plays; fails when Asterisk would fail the playback. */
    public Future<Long> durationMillis(String url) {
        if (url.length() < MIN_URL_LENGTH) {
            return Future.failedFuture("URL shorter than " + MIN_URL_LENGTH + " characters: " + url);
        }
        Cached cached = cache.get(url);
        if (cached != null && cached.expiresAtMillis > System.currentTimeMillis()) {
            return Future.succeededFuture(cached.millis);
        }
        cache.remove(url);
        fetches.merge(url, 1, Integer::sum);
        return client.getAbs(url).timeout(FETCH_TIMEOUT_MILLIS).send().compose(response -> accept(url, response));
    }

    public Map<String, Integer> fetchCounts() {
        return new LinkedHashMap<>(fetches);
    }

    public void close() {
        client.close();
    }

    private Future<Long> accept(String url, HttpResponse<Buffer> response) {
        if (response.statusCode() != 200) {
            return Future.failedFuture("HTTP " + response.statusCode() + " for " + url);
        }
        if (!hasWavExtension(url) && !isWavContentType(response.getHeader("Content-Type"))) {
            return Future.failedFuture("neither a .wav path nor an audio/wav content type: " + url);
        }
        Buffer body = response.body() == null ? Buffer.buffer() : response.body();
        OptionalLong millis = Wav.asteriskPlayableMillis(body);
        if (millis.isEmpty()) {
            return Future.failedFuture("not a WAV file Asterisk plays (16-bit mono 8 kHz PCM): " + url);
        }
        long keepUntil = keepUntil(response.headers());
        if (keepUntil > System.currentTimeMillis()) {
            cache.put(url, new Cached(millis.getAsLong(), keepUntil));
        }
        return Future.succeededFuture(millis.getAsLong());
    }

    private static boolean hasWavExtension(String url) {
        String path = URI.create(url).getPath();
        return path != null && path.toLowerCase(Locale.ROOT).endsWith(".wav");
    }

    private static boolean isWavContentType(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("audio/wav") || type.equals("audio/x-wav");
    }

    /** Without Cache-Control or Expires the file is fetched again for every playback. */
    private static long keepUntil(MultiMap headers) {
        long now = System.currentTimeMillis();
        String cacheControl = headers.get("Cache-Control");
        if (cacheControl != null) {
            String directives = cacheControl.toLowerCase(Locale.ROOT);
            if (directives.contains("no-store") || directives.contains("no-cache")) {
                return 0;
            }
            for (String directive : directives.split(",")) {
                String trimmed = directive.trim();
                if (trimmed.startsWith("max-age=")) {
                    return now + parseSeconds(trimmed.substring("max-age=".length())) * 1000;
                }
            }
        }
        String expires = headers.get("Expires");
        if (expires != null) {
            try {
                return ZonedDateTime.parse(expires.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
            } catch (RuntimeException unparseable) {
                return 0;
            }
        }
        return cacheControl != null ? now + DEFAULT_KEEP_MILLIS : 0;
    }

    private static long parseSeconds(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
