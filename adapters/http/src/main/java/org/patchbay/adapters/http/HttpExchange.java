package org.patchbay.adapters.http;

import org.patchbay.core.webhook.TwilioSignature;
import org.patchbay.core.instructions.UriReference;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;

/**
 * One signed request and its answer, read up to a size limit, within a time limit. Must be
 * started on a Vert.x context: the timer and the client's callbacks then all run on it, one at a
 * time, so the fields below need no locking.
 */
final class HttpExchange {
    static final String USER_AGENT = "TwilioProxy/1.1";
    static final String ACCEPT = "text/xml, application/xml, */*;q=0.1";
    private static final String FORM = "application/x-www-form-urlencoded";

    private final Vertx vertx;
    private final HttpClient client;
    private final SignedRequest request;
    private final ExchangeLimits limits;
    private final boolean ssl;
    private final String host;
    private final int port;
    private final String requestUri;
    private final Promise<HttpReply> outcome = Promise.promise();
    private HttpClientRequest inFlight;
    private long timer;

    private HttpExchange(Vertx vertx, HttpClient client, SignedRequest request, ExchangeLimits limits) {
        this.vertx = vertx;
        this.client = client;
        this.request = request;
        this.limits = limits;
        UriReference target = UriReference.parse(request.url());
        this.ssl = target.scheme().equalsIgnoreCase("https");
        this.host = target.host();
        this.port = target.port() > 0 ? target.port() : ssl ? 443 : 80;
        this.requestUri = target.query() == null ? target.path() : target.path() + "?" + target.query();
    }

    /** Fails only with {@link ExchangeFailure}; any HTTP status is a reply. */
    static Future<HttpReply> perform(Vertx vertx, HttpClient client, SignedRequest request, ExchangeLimits limits) {
        return new HttpExchange(vertx, client, request, limits).start();
    }

    private Future<HttpReply> start() {
        long totalMs = Math.max(1, limits.totalTimeoutMs());
        timer = vertx.setTimer(totalMs, id -> fail(ExchangeFailure.timeout(totalMs)));
        client.request(options()).onComplete(this::onConnected);
        return outcome.future();
    }

    private RequestOptions options() {
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setSsl(ssl)
                .setHost(host)
                .setPort(port)
                .setURI(requestUri)
                .setFollowRedirects(false)
                .setConnectTimeout(limits.connectTimeoutMs())
                .setIdleTimeout(limits.readTimeoutMs())
                .putHeader("User-Agent", USER_AGENT)
                .putHeader("Accept", ACCEPT);
        if (request.hasBody()) {
            options.putHeader("Content-Type", FORM);
        }
        request.headers().forEach((name, value) -> options.getHeaders().set(name, value));
        String signature = request.signature();
        if (signature != null) {
            options.putHeader(TwilioSignature.HEADER, signature);
        }
        return options;
    }

    private void onConnected(AsyncResult<HttpClientRequest> connected) {
        if (connected.failed()) {
            fail(ExchangeFailure.connecting(host, port, connected.cause()));
            return;
        }
        HttpClientRequest sending = connected.result();
        if (outcome.future().isComplete()) {
            // The total timeout passed while connecting: give the connection back unused.
            sending.reset();
            return;
        }
        inFlight = sending;
        Future<HttpClientResponse> answer = request.hasBody() ? sending.send(request.body()) : sending.send();
        answer.onComplete(this::onAnswer);
    }

    private void onAnswer(AsyncResult<HttpClientResponse> answered) {
        if (answered.failed()) {
            fail(ExchangeFailure.reading(answered.cause()));
            return;
        }
        HttpClientResponse response = answered.result();
        if (outcome.future().isComplete()) {
            return;
        }
        // Even a body declared too large is read up to the limit: its start goes into error reports.
        Buffer body = Buffer.buffer((int) Math.min(Math.max(declaredLength(response), 1024), limits.maxBodyBytes()));
        response.handler(chunk -> {
            if (outcome.future().isComplete()) {
                return;
            }
            if (body.length() + chunk.length() > limits.maxBodyBytes()) {
                finish(response, body, true);
            } else {
                body.appendBuffer(chunk);
            }
        });
        response.exceptionHandler(error -> fail(ExchangeFailure.reading(error)));
        response.endHandler(end -> finish(response, body, false));
    }

    private void finish(HttpClientResponse response, Buffer body, boolean truncated) {
        HttpReply reply = new HttpReply(response.statusCode(), response.getHeader("Content-Type"),
                response.getHeader("Location"), body, truncated, response.headers());
        if (outcome.tryComplete(reply)) {
            vertx.cancelTimer(timer);
            if (truncated) {
                // The rest of the body is not wanted: closing the connection is cheaper than reading it.
                inFlight.reset();
            }
        }
    }

    private void fail(ExchangeFailure failure) {
        if (outcome.tryFail(failure)) {
            vertx.cancelTimer(timer);
            if (inFlight != null) {
                inFlight.reset();
            }
        }
    }

    private static long declaredLength(HttpClientResponse response) {
        String length = response.getHeader("Content-Length");
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException malformed) {
            return -1;
        }
    }
}
