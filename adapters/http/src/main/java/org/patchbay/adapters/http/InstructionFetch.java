package org.patchbay.adapters.http;

import org.patchbay.core.instructions.RelativeUrls;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.instructions.CallCookies;
import org.patchbay.core.instructions.InstructionFetchException;
import org.patchbay.core.instructions.Instructions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * One fetch of TwiML: requests, the retries its policy allows, the redirects the server asks
 * for, all within the policy's total time; then the answer judged as Twilio judges it. Runs on
 * one Vert.x context.
 */
final class InstructionFetch {
    private static final Logger LOG = LoggerFactory.getLogger(InstructionFetch.class);
    static final int MAX_REDIRECTS = 10;
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int EXCERPT_CHARS = 1024;

    private final Vertx vertx;
    private final HttpClient client;
    private final FetchPolicy policy;
    private final long deadlineNanos;
    private int retriesLeft;
    private int redirects;
    private String documentUrl;
    private final CallCookies cookies;

    /**
     * @param documentUrl the URL of the document asked for, before any GET parameters are added
     * @param cookies     the call's cookie jar, or null: sent on every hop, filled from every reply
     */
    InstructionFetch(Vertx vertx, HttpClient client, FetchPolicy policy, String documentUrl, CallCookies cookies) {
        this.cookies = cookies;
        this.vertx = vertx;
        this.client = client;
        this.policy = policy;
        this.deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(policy.totalTimeoutMs());
        this.retriesLeft = policy.retryCount();
        this.documentUrl = documentUrl;
    }

    Future<Instructions> run(SignedRequest first) {
        return hop(first);
    }

    private Future<Instructions> hop(SignedRequest request) {
        return attempt(request).compose(
                reply -> isRedirect(reply.status()) ? followRedirect(request, reply) : judge(request, reply),
                failure -> Future.failedFuture(fetchFailure(request, failure)));
    }

    private Future<HttpReply> attempt(SignedRequest request) {
        long remainingMs = remainingMs();
        if (remainingMs <= 0) {
            return Future.failedFuture(ExchangeFailure.timeout(policy.totalTimeoutMs()));
        }
        ExchangeLimits limits = new ExchangeLimits(policy.connectTimeoutMs(), policy.readTimeoutMs(), remainingMs, MAX_BODY_BYTES);
        SignedRequest sent = cookies == null ? request : request.withHeader("Cookie", cookies.header(request.url()));
        return HttpExchange.perform(vertx, client, sent, limits).transform(result -> {
            if (result.succeeded() && cookies != null) {
                cookies.store(request.url(), result.result().setCookies());
            }
            RetryOn failure = result.succeeded() ? statusFailure(result.result().status()) : exchangeFailure(result.cause());
            if (failure != null && retriesLeft > 0 && policy.retryOn().contains(failure) && remainingMs() > 0) {
                retriesLeft--;
                LOG.debug("Retrying {} {} after {} failure ({} retries left)", request.method(), request.url(), failure.token(), retriesLeft);
                return attempt(request);
            }
            return result.succeeded() ? Future.succeededFuture(result.result()) : Future.failedFuture(result.cause());
        });
    }

    private Future<Instructions> followRedirect(SignedRequest from, HttpReply reply) {
        if (reply.location() == null || reply.location().isBlank()) {
            return fail(ErrorCode.HTTP_RETRIEVAL_FAILURE, "HTTP " + reply.status() + " without a Location from " + from.url(), reply);
        }
        if (++redirects > MAX_REDIRECTS) {
            return fail(ErrorCode.HTTP_TOO_MANY_REDIRECTS, "more than " + MAX_REDIRECTS + " redirects, the last from " + from.url(), reply);
        }
        String next = RelativeUrls.resolve(from.url(), reply.location());
        if (!RelativeUrls.isHttpUrl(next)) {
            return fail(ErrorCode.INVALID_URL, "redirected from " + from.url() + " to " + next + ", not an http(s) URL", reply);
        }
        documentUrl = WireUrls.forRequest(next);
        return hop(from.redirectedTo(documentUrl, reply.status()));
    }

    private Future<Instructions> judge(SignedRequest request, HttpReply reply) {
        int status = reply.status();
        if (status < 200 || status > 299) {
            return fail(ErrorCode.HTTP_RETRIEVAL_FAILURE, "HTTP " + status + " from " + request.method() + " " + request.url(), reply);
        }
        if (!ContentTypes.isVoiceResponse(reply.contentType())) {
            String found = reply.contentType() == null ? "no Content-Type" : "Content-Type " + reply.contentType();
            return fail(ErrorCode.INVALID_CONTENT_TYPE, found + " from " + request.url()
                    + "; expected TwiML (text/xml, application/xml, text/html), text/plain or audio/*", reply);
        }
        if (ContentTypes.isAudio(reply.contentType())) {
            // the audio is played from its URL, so its body is not kept, however long it is
            return Future.succeededFuture(new Instructions(documentUrl, status, reply.contentType(), ""));
        }
        if (reply.truncated()) {
            return fail(ErrorCode.HTTP_RETRIEVAL_FAILURE, "response larger than 64 KiB from " + request.url(), reply);
        }
        return Future.succeededFuture(new Instructions(documentUrl, status, reply.contentType(), reply.text()));
    }

    private Future<Instructions> fail(ErrorCode code, String message, HttpReply reply) {
        return Future.failedFuture(new InstructionFetchException(code, message, reply.status(), ResponseExcerpt.of(reply, EXCERPT_CHARS)));
    }

    private static InstructionFetchException fetchFailure(SignedRequest request, Throwable failure) {
        ExchangeFailure.Kind kind = failure instanceof ExchangeFailure exchange ? exchange.kind() : ExchangeFailure.Kind.READ;
        ErrorCode code = switch (kind) {
            case REFUSED -> ErrorCode.OUTBOUND_REFUSED;
            case UNKNOWN_HOST -> ErrorCode.HTTP_UNKNOWN_HOST;
            case CONNECT, READ, TIMEOUT -> ErrorCode.HTTP_CONNECTION_FAILURE;
        };
        return new InstructionFetchException(code, request.method() + " " + request.url() + ": " + failure.getMessage(), null, null);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    static RetryOn statusFailure(int status) {
        if (status >= 400 && status <= 499) {
            return RetryOn.CLIENT_ERROR;
        }
        return status >= 500 && status <= 599 ? RetryOn.SERVER_ERROR : null;
    }

    static RetryOn exchangeFailure(Throwable failure) {
        if (failure instanceof ExchangeFailure exchange) {
            return switch (exchange.kind()) {
                case CONNECT -> RetryOn.CONNECT;
                case READ -> RetryOn.READ;
                case REFUSED, UNKNOWN_HOST, TIMEOUT -> null;
            };
        }
        return null;
    }

    private long remainingMs() {
        return TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    }
}
