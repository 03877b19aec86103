package org.patchbay.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import org.patchbay.core.webhook.Webhook;
import org.patchbay.core.webhook.WebhookOutcome;
import org.patchbay.core.webhook.WebhookSender;

/**
 * Counts what a {@link WebhookSender} delivers: per kind (a call's status callbacks apart from every
 * other webhook) and outcome after all attempts, and every failed attempt.
 */
public final class MeteredWebhooks implements WebhookSender {
    private final WebhookSender sender;
    private final MeterRegistry registry;

    public MeteredWebhooks(WebhookSender sender, MeterRegistry registry) {
        this.sender = sender;
        this.registry = registry;
    }

    @Override
    public Future<WebhookOutcome> send(Webhook webhook) {
        String kind = "call-progress-events".equals(webhook.params().get("CallbackSource")) ? "status-callback" : "webhook";
        return sender.send(webhook).andThen(done -> {
            boolean delivered = done.succeeded() && done.result().delivered();
            Counter.builder("patchbay.webhook.deliveries").description("webhooks sent, after all their attempts")
                    .tag("kind", kind).tag("outcome", delivered ? "delivered" : "failed")
                    .register(registry).increment();
            int failedAttempts = done.succeeded() ? done.result().attempts() - (delivered ? 1 : 0) : 1;
            if (failedAttempts > 0) {
                Counter.builder("patchbay.webhook.failures").description("webhook attempts that failed (each retry counts)")
                        .tag("kind", kind).register(registry).increment(failedAttempts);
            }
        });
    }
}
