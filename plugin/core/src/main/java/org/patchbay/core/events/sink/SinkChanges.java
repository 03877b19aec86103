package org.patchbay.core.events.sink;

/**
 * Told after the API changed an account's sinks or subscriptions, so that the event router on this node routes by
 * them at once instead of at its next refresh (other nodes catch up on theirs).
 */
@FunctionalInterface
public interface SinkChanges {

    void changed(String accountSid);

    /** Tells no one: for an API without an event router. */
    static SinkChanges none() {
        return accountSid -> { };
    }
}
