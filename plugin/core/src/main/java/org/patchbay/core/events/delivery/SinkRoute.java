package org.patchbay.core.events.delivery;

import org.patchbay.core.events.RoutedEvent;
import org.patchbay.core.events.sink.Sink;
import org.patchbay.core.events.sink.SinkStatus;
import org.patchbay.core.events.sink.Subscription;
import org.patchbay.core.events.sink.SubscriptionMatcher;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One sink as the router last read it: the sink, its subscriptions, the auth token its webhooks are signed
 * with, and the owners of accounts (for subscriptions that take their subaccounts' events).
 */
record SinkRoute(Sink sink, List<Subscription> subscriptions, String signingKey, Map<String, String> owners) {

    /** Events go to validated sinks only (Twilio's rule), which stay so while they fail. */
    boolean receiving() {
        return sink.status() == SinkStatus.active || sink.status() == SinkStatus.failed;
    }

    /** The first subscription that selects the event, if any (one delivery per sink, however many select it). */
    Optional<Subscription> selecting(RoutedEvent event) {
        String owner = owners.get(event.accountSid());
        return subscriptions.stream().filter(s -> SubscriptionMatcher.matches(s, event, owner)).findFirst();
    }
}
