package org.patchbay.adapters.http;

import java.time.Duration;
import java.util.List;

/**
 * How webhooks are retried and how many may wait.
 *
 * @param retryDelays the pause before each retry; a webhook gets {@code retryDelays.size() + 1}
 *                    attempts in all
 * @param maxPending  webhooks queued, in flight or waiting to retry, all keys together; past
 *                    that new ones are dropped (and logged) rather than let memory grow
 */
public record WebhookSettings(List<Duration> retryDelays, int maxPending) {

    /** Three attempts, 1 s then 5 s apart; at most 10 000 pending. */
    public static WebhookSettings defaults() {
        return new WebhookSettings(List.of(Duration.ofSeconds(1), Duration.ofSeconds(5)), 10_000);
    }

    public WebhookSettings {
        retryDelays = List.copyOf(retryDelays);
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be positive");
        }
    }

    public int maxAttempts() {
        return retryDelays.size() + 1;
    }

    public WebhookSettings withRetryDelays(Duration... delays) {
        return new WebhookSettings(List.of(delays), maxPending);
    }

    public WebhookSettings withMaxPending(int max) {
        return new WebhookSettings(retryDelays, max);
    }
}
