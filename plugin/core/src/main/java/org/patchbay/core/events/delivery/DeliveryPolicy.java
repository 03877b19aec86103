package org.patchbay.core.events.delivery;

import org.patchbay.core.events.Backoff;

import java.time.Duration;

/**
 * How hard delivery to a sink tries: retries with {@code backoff} for up to {@code retryFor}, after which the
 * events are dropped and a Notification logged; {@code failedAfter} failures in a row mark the sink
 * {@code failed}; {@code refresh} is how often each node rereads the sinks and subscriptions.
 */
public record DeliveryPolicy(Backoff backoff, Duration retryFor, int failedAfter, Duration refresh) {
    public static final DeliveryPolicy DEFAULT = new DeliveryPolicy(new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5)),
            Duration.ofHours(4), 3, Duration.ofSeconds(5));
}
