package org.patchbay.core.webhook;

import io.vertx.core.Future;

/**
 * Delivers webhooks in the background, signed and retried. Callers never wait on the result to
 * carry on with a call; the future is there for logging and tests.
 */
public interface WebhookSender {
    Future<WebhookOutcome> send(Webhook webhook);
}
