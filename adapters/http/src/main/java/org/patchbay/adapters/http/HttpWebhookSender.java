package org.patchbay.adapters.http;

import org.patchbay.core.instructions.RelativeUrls;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.patchbay.core.webhook.Webhook;
import org.patchbay.core.webhook.WebhookOutcome;
import org.patchbay.core.webhook.WebhookSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers webhooks signed like Twilio's (POST form or GET query), in the background: the caller
 * gets a future it need not wait for. Connection failures, timeouts and 5xx are retried with the
 * configured delays. Webhooks that share an {@link Webhook#orderingKey()} (a call's status
 * callbacks) go one at a time in the order sent, each waiting until the one before was delivered
 * or given up; other webhooks go in parallel. Past {@link WebhookSettings#maxPending()} pending
 * webhooks, new ones are dropped and logged rather than let a dead server eat the memory.
 */
public final class HttpWebhookSender implements WebhookSender {
    private static final Logger LOG = LoggerFactory.getLogger(HttpWebhookSender.class);

    private final Vertx vertx;
    private final GuardedHttpClient client;
    private final WebhookSettings settings;
    private final FetchOverrides timeouts = new FetchOverrides(FetchPolicy.TWILIO_DEFAULTS);
    private final PendingLimit pending;
    private final OrderingLanes lanes;

    public HttpWebhookSender(Vertx vertx) {
        this(vertx, HttpClientSettings.defaults(), WebhookSettings.defaults());
    }

    public HttpWebhookSender(Vertx vertx, HttpClientSettings http, WebhookSettings settings) {
        this.vertx = vertx;
        this.client = http.createClient(vertx);
        this.settings = settings;
        this.pending = new PendingLimit(settings.maxPending());
        this.lanes = new OrderingLanes();
    }

    /** Completes, on the caller's context, with how delivery ended; never fails. */
    @Override
    public Future<WebhookOutcome> send(Webhook webhook) {
        if (!RelativeUrls.isHttpUrl(webhook.url())) {
            LOG.warn("Webhook not sent: not an absolute http(s) URL: {}", webhook.url());
            return Future.succeededFuture(new WebhookOutcome(false, 0, null, "not an absolute http(s) URL: " + webhook.url()));
        }
        if (!pending.tryAcquire()) {
            return Future.succeededFuture(new WebhookOutcome(false, 0, null,
                    "dropped: " + pending.max() + " webhooks already pending"));
        }
        Context caller = vertx.getOrCreateContext();
        Promise<WebhookOutcome> result = Promise.promise();
        route(webhook, caller).onComplete(done -> {
            pending.release();
            completeOn(caller, result, done.result());
        });
        return result.future();
    }

    public Future<Void> close() {
        return client.close();
    }

    /** Webhooks pending now: queued, in flight or waiting to retry. */
    int pendingWebhooks() {
        return pending.pending();
    }

    /** Ordering keys holding a lane now: zero once all their webhooks have ended. */
    int activeOrderingKeys() {
        return lanes.activeKeys();
    }

    /** Takes the webhook's place in its lane now, so that send order is lane order. */
    private Future<WebhookOutcome> route(Webhook webhook, Context caller) {
        if (webhook.orderingKey() == null) {
            return deliverOn(caller, webhook);
        }
        return lanes.submit(webhook.orderingKey(), () -> deliverOn(caller, webhook));
    }

    /** Delivers on the caller's context, always later: never on the caller's stack. */
    private Future<WebhookOutcome> deliverOn(Context caller, Webhook webhook) {
        Promise<WebhookOutcome> delivered = Promise.promise();
        caller.runOnContext(start -> {
            try {
                String url = WireUrls.forRequest(webhook.url());
                SignedRequest request = SignedRequest.of(webhook.method(), url, webhook.params(), webhook.authToken());
                // Twilio-shaped callbacks name their account: its own denied blocks apply on top of the installation's.
                client.forAccount(webhook.params().get("AccountSid")).onComplete(guarded -> {
                    if (guarded.failed()) {
                        delivered.complete(new WebhookOutcome(false, 0, null,
                                "not sent, the account's outbound policy could not be read: " + guarded.cause().getMessage(), true));
                        return;
                    }
                    WebhookDelivery.deliver(vertx, guarded.result(), request, timeouts.policyFor(webhook.url()), settings.retryDelays())
                            .onComplete(delivered);
                });
            } catch (RuntimeException unexpected) {
                // A lane must move on and the pending count come down, whatever went wrong here.
                LOG.error("Webhook {} could not be sent", webhook.url(), unexpected);
                delivered.complete(new WebhookOutcome(false, 0, null, unexpected.toString()));
            }
        });
        return delivered.future();
    }

    private static void completeOn(Context caller, Promise<WebhookOutcome> result, WebhookOutcome outcome) {
        if (Vertx.currentContext() == caller) {
            result.complete(outcome);
        } else {
            caller.runOnContext(back -> result.complete(outcome));
        }
    }
}
