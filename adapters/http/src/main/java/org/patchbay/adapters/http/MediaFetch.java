package org.patchbay.adapters.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.instructions.RelativeUrls;
import org.patchbay.core.media.MediaDownload;
import org.patchbay.core.media.MediaFailure;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One download of {@code <Play>} media under the rules TwiML fetches follow: the policy's connect,
 * read and total timeouts and retries, up to {@link InstructionFetch#MAX_REDIRECTS} redirects, a size cap;
 * conditional when validators are known. Failures carry the codes an instruction fetch would give.
 * Runs on one Vert.x context.
 */
final class MediaFetch {
    private final Vertx vertx;
    private final HttpClient client;
    private final FetchPolicy policy;
    private final int maxBytes;
    private final long deadlineNanos;
    private int redirects;
    private int retriesLeft;

    MediaFetch(Vertx vertx, HttpClient client, FetchPolicy policy, int maxBytes) {
        this.vertx = vertx;
        this.client = client;
        this.policy = policy;
        this.maxBytes = maxBytes;
        this.deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(policy.totalTimeoutMs());
        this.retriesLeft = policy.retryCount();
    }

    Future<MediaDownload> run(String url, String etag, String lastModified) {
        SignedRequest get = SignedRequest.of("GET", url, Map.of(), null)
                .withHeader("Accept", "audio/*, */*;q=0.1")
                .withHeader("If-None-Match", etag)
                .withHeader("If-Modified-Since", lastModified);
        return hop(get);
    }

    private Future<MediaDownload> hop(SignedRequest request) {
        long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (remainingMs <= 0) {
            return Future.failedFuture(new MediaFailure(ErrorCode.HTTP_CONNECTION_FAILURE,
                    "GET " + request.url() + ": no answer within " + policy.totalTimeoutMs() + " ms"));
        }
        return attempt(request, remainingMs).compose(
                reply -> isRedirect(reply.status()) ? redirect(request, reply) : judge(request, reply),
                failure -> Future.failedFuture(exchangeFailure(request, failure)));
    }

    /** One exchange, tried again as the policy allows (Twilio's {@code rc}/{@code rp}), within the total time. */
    private Future<HttpReply> attempt(SignedRequest request, long remainingMs) {
        ExchangeLimits limits = new ExchangeLimits(policy.connectTimeoutMs(), policy.readTimeoutMs(), remainingMs, maxBytes);
        return HttpExchange.perform(vertx, client, request, limits).transform(result -> {
            RetryOn failure = result.succeeded() ? InstructionFetch.statusFailure(result.result().status())
                    : InstructionFetch.exchangeFailure(result.cause());
            long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (failure != null && retriesLeft > 0 && policy.retryOn().contains(failure) && left > 0) {
                retriesLeft--;
                return attempt(request, left);
            }
            return result.succeeded() ? Future.succeededFuture(result.result()) : Future.failedFuture(result.cause());
        });
    }

    private Future<MediaDownload> redirect(SignedRequest from, HttpReply reply) {
        if (reply.location() == null || reply.location().isBlank()) {
            return fail(ErrorCode.HTTP_RETRIEVAL_FAILURE, "HTTP " + reply.status() + " without a Location from " + from.url());
        }
        if (++redirects > InstructionFetch.MAX_REDIRECTS) {
            return fail(ErrorCode.HTTP_TOO_MANY_REDIRECTS, "more than " + InstructionFetch.MAX_REDIRECTS
                    + " redirects, the last from " + from.url());
        }
        String next = RelativeUrls.resolve(from.url(), reply.location());
        if (!RelativeUrls.isHttpUrl(next)) {
            return fail(ErrorCode.INVALID_URL, "redirected from " + from.url() + " to " + next + ", not an http(s) URL");
        }
        return hop(new SignedRequest(from.method(), WireUrls.forRequest(next), Map.of(), null, from.headers()));
    }

    private Future<MediaDownload> judge(SignedRequest request, HttpReply reply) {
        int status = reply.status();
        if (status != 304 && (status < 200 || status > 299)) {
            return fail(ErrorCode.HTTP_RETRIEVAL_FAILURE, "HTTP " + status + " from GET " + request.url());
        }
        if (reply.truncated()) {
            return fail(ErrorCode.HTTP_RETRIEVAL_FAILURE, "media larger than " + maxBytes + " bytes from " + request.url());
        }
        return Future.succeededFuture(new MediaDownload(status, reply.contentType(), reply.body().getBytes(),
                reply.headers().get("Cache-Control"), reply.headers().get("Expires"),
                reply.headers().get("ETag"), reply.headers().get("Last-Modified")));
    }

    private static Future<MediaDownload> fail(ErrorCode code, String message) {
        return Future.failedFuture(new MediaFailure(code, message));
    }

    private static MediaFailure exchangeFailure(SignedRequest request, Throwable failure) {
        ExchangeFailure.Kind kind = failure instanceof ExchangeFailure exchange ? exchange.kind() : ExchangeFailure.Kind.READ;
        ErrorCode code = kind == ExchangeFailure.Kind.UNKNOWN_HOST ? ErrorCode.HTTP_UNKNOWN_HOST : ErrorCode.HTTP_CONNECTION_FAILURE;
        return new MediaFailure(code, "GET " + request.url() + ": " + failure.getMessage());
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
}
