package org.patchbay.adapters.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import org.patchbay.core.webhook.WebhookOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * The attempts at one webhook. A connection failure, a timeout or a 5xx is worth another try
 * after the next delay; any other answer is final: 2xx delivered, 3xx and 4xx not (the server
 * understood and refused, and would refuse again). Runs on one Vert.x context.
 */
final class WebhookDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
    // Nobody reads a webhook's answer; a little is kept so that a huge one costs nothing.
    private static final int KEPT_BODY_BYTES = 1024;

    private final Vertx vertx;
    private final HttpClient client;
    private final SignedRequest request;
    private final ExchangeLimits limits;
    private final List<Duration> retryDelays;
    private final Promise<WebhookOutcome> outcome = Promise.promise();
    private int attempts;

    private WebhookDelivery(Vertx vertx, HttpClient client, SignedRequest request, FetchPolicy timeouts,
                            List<Duration> retryDelays) {
        this.vertx = vertx;
        this.client = client;
        this.request = request;
        this.limits = new ExchangeLimits(timeouts.connectTimeoutMs(), timeouts.readTimeoutMs(),
                timeouts.totalTimeoutMs(), KEPT_BODY_BYTES);
        this.retryDelays = retryDelays;
    }

    /** Never fails: every ending is a {@link WebhookOutcome}. */
    static Future<WebhookOutcome> deliver(Vertx vertx, HttpClient client, SignedRequest request, FetchPolicy timeouts,
                                          List<Duration> retryDelays) {
        WebhookDelivery delivery = new WebhookDelivery(vertx, client, request, timeouts, retryDelays);
        delivery.attempt();
        return delivery.outcome.future();
    }

    private void attempt() {
        attempts++;
        HttpExchange.perform(vertx, client, request, limits).onComplete(result -> {
            Integer status = result.succeeded() ? result.result().status() : null;
            if (status != null && status < 500) {
                answered(status);
                return;
            }
            String error = status != null ? "HTTP " + status : result.cause().getMessage();
            if (refused(result.cause())) {
                LOG.warn("Webhook {} {} not sent: {}", request.method(), request.url(), error);
                outcome.complete(new WebhookOutcome(false, attempts, null, error, true));
                return;
            }
            if (attempts > retryDelays.size()) {
                LOG.warn("Webhook {} {} gave up after {} attempts: {}", request.method(), request.url(), attempts, error);
                outcome.complete(new WebhookOutcome(false, attempts, status, error));
                return;
            }
            Duration delay = retryDelays.get(attempts - 1);
            LOG.debug("Webhook {} {} attempt {} failed ({}); retrying in {} ms",
                    request.method(), request.url(), attempts, error, delay.toMillis());
            vertx.setTimer(Math.max(1, delay.toMillis()), id -> attempt());
        });
    }

    /** The policy will refuse the same address again: retrying would only delay the report. */
    private static boolean refused(Throwable failure) {
        return failure instanceof ExchangeFailure exchange && exchange.kind() == ExchangeFailure.Kind.REFUSED;
    }

    private void answered(int status) {
        if (status >= 200 && status <= 299) {
            outcome.complete(new WebhookOutcome(true, attempts, status, null));
            return;
        }
        LOG.warn("Webhook {} {} refused with HTTP {}; not retried", request.method(), request.url(), status);
        outcome.complete(new WebhookOutcome(false, attempts, status, "HTTP " + status));
    }
}
