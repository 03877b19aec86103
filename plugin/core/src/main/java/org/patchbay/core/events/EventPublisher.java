package org.patchbay.core.events;

/**
 * Where the platform publishes its events: the event router's entry. Publishing never waits for a
 * subscriber and never fails the caller; delivery is the router's business.
 */
@FunctionalInterface
public interface EventPublisher {

    void publish(PlatformEvent event);

    /** Publishes nowhere: for parts of Patchbay tested without a router. */
    static EventPublisher none() {
        return event -> { };
    }
}
