package org.patchbay.adapters.http;

import org.patchbay.core.instructions.RelativeUrls;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
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
    private final GuardedHttpClient client;
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
        // Twilio's parameters always name the account: its own denied blocks apply on top of the installation's.
        String accountSid = request.params().get("AccountSid");
        return Contexts.onContext(vertx, () -> client.forAccount(accountSid).transform(guarded -> guarded.succeeded()
                ? new InstructionFetch(vertx, guarded.result(), policy, documentUrl, request.cookies()).run(first)
                : Future.failedFuture(new InstructionFetchException(ErrorCode.OUTBOUND_REFUSED, request.method() + " " + documentUrl
                        + ": not sent, the account's outbound policy could not be read: " + guarded.cause().getMessage(), null, null))));
    }

    public Future<Void> close() {
        return client.close();
    }
}
