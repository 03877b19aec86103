package org.patchbay.core.webhook;

/**
 * How a webhook delivery ended, after all its attempts.
 *
 * @param refused the outbound request policy refused the URL's address: nothing was sent
 */
public record WebhookOutcome(boolean delivered, int attempts, Integer lastStatus, String error, boolean refused) {

    public WebhookOutcome(boolean delivered, int attempts, Integer lastStatus, String error) {
        this(delivered, attempts, lastStatus, error, false);
    }
}
