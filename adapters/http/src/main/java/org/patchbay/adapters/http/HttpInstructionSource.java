package org.patchbay.adapters.http;

import org.patchbay.core.instructions.RelativeUrls;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.instructions.InstructionFetchException;
import org.patchbay.core.instructions.InstructionRequest;
import org.patchbay.core.instructions.InstructionSource;
import org.patchbay.core.instructions.Instructions;

/**
 * Fetches TwiML over HTTP the way Twilio does: a signed POST (form) or GET (query), Twilio's
 * timeouts and retries unless the URL's fragment overrides them, up to 10 redirects, only
 * TwiML ({@code text/xml}, {@code application/xml}, {@code text/html}), {@code text/plain} or
 * {@code audio/*} (see {@link org.patchbay.core.instructions.VoiceResponses}), at most 64 KiB. Failures carry Twilio's error
 * codes (see {@link InstructionFetchException}). Connections are kept alive and pooled per host.
 */
public final class HttpInstructionSource implements InstructionSource {
    private final Vertx vertx;
    private final HttpClient client;
    private final FetchOverrides overrides;

    public HttpInstructionSource(Vertx vertx) {
        this(vertx, HttpClientSettings.defaults(), FetchPolicy.TWILIO_DEFAULTS);
    }

    /** @param defaults the policy for URLs without a fragment, and the base the fragments override */
    public HttpInstructionSource(Vertx vertx, HttpClientSettings settings, FetchPolicy defaults) {
        this.vertx = vertx;
        this.client = settings.createClient(vertx);
        this.overrides = new FetchOverrides(defaults);
    }

    @Override
    public Future<Instructions> fetch(InstructionRequest request) {
        if (!RelativeUrls.isHttpUrl(request.url())) {
            return Future.failedFuture(new InstructionFetchException(ErrorCode.INVALID_URL,
                    "not an absolute http(s) URL: " + request.url(), null, null));
        }
        FetchPolicy policy = overrides.policyFor(request.url());
        String documentUrl = WireUrls.forRequest(request.url());
        SignedRequest first = SignedRequest.of(request.method(), documentUrl, request.params(), request.authToken());
        return Contexts.onContext(vertx, () -> new InstructionFetch(vertx, client, policy, documentUrl, request.cookies()).run(first));
    }

    public Future<Void> close() {
        return client.close();
    }
}
