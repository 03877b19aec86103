package org.patchbay.core.webhook;

/** How a webhook delivery ended, after all its attempts. */
public record WebhookOutcome(boolean delivered, int attempts, Integer lastStatus, String error) {
}
