package org.patchbay.adapters.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.instructions.RelativeUrls;
import org.patchbay.core.media.MediaDownload;
import org.patchbay.core.media.MediaFailure;
import org.patchbay.core.media.MediaSource;

/**
 * Downloads {@code <Play>} media over HTTP with the timeouts (a URL fragment may override them),
 * redirect rules and pooled keep-alive client of instruction fetches, and a size cap of its own:
 * audio is larger than TwiML. Unsigned, as Twilio's media requests are.
 */
public final class HttpMediaSource implements MediaSource {
    private final Vertx vertx;
    private final HttpClient client;
    private final FetchOverrides overrides;
    private final int maxBytes;

    public HttpMediaSource(Vertx vertx, int maxBytes) {
        this(vertx, HttpClientSettings.defaults(), FetchPolicy.TWILIO_DEFAULTS, maxBytes);
    }

    public HttpMediaSource(Vertx vertx, HttpClientSettings settings, FetchPolicy defaults, int maxBytes) {
        this.vertx = vertx;
        this.client = settings.createClient(vertx);
        this.overrides = new FetchOverrides(defaults);
        this.maxBytes = maxBytes;
    }

    @Override
    public Future<MediaDownload> get(String url, String etag, String lastModified) {
        if (!RelativeUrls.isHttpUrl(url)) {
            return Future.failedFuture(new MediaFailure(ErrorCode.INVALID_URL, "not an absolute http(s) URL: " + url));
        }
        FetchPolicy policy = overrides.policyFor(url);
        String wireUrl = WireUrls.forRequest(url);
        return Contexts.onContext(vertx, () -> new MediaFetch(vertx, client, policy, maxBytes).run(wireUrl, etag, lastModified));
    }

    public Future<Void> close() {
        return client.close();
    }
}
