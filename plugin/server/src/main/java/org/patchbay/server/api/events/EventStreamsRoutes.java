package org.patchbay.server.api.events;

import org.patchbay.core.events.EventCatalog;
import org.patchbay.server.api.ApiDependencies;
import org.patchbay.server.api.http.Endpoint;

import java.util.ArrayList;
import java.util.List;

/** Twilio's Event Streams API under {@code /v1}, for the caller's own account: sinks, subscriptions and the catalog. */
public final class EventStreamsRoutes {
    private final List<Endpoint> endpoints;

    public EventStreamsRoutes(ApiDependencies deps) {
        EventCatalog catalog = EventCatalog.platform();
        SubscribedTypes types = new SubscribedTypes(catalog);
        String baseUrl = deps.publicBaseUrl();
        List<Endpoint> all = new ArrayList<>();
        all.addAll(new SinkRoutes(deps.store(), new AccountSubscriptions(deps.store()), deps.eventStreams(), baseUrl).endpoints());
        all.addAll(new SubscriptionRoutes(deps.store(), types, deps.eventStreams(), baseUrl).endpoints());
        all.addAll(new SubscribedEventRoutes(deps.store(), types, deps.eventStreams(), baseUrl).endpoints());
        all.addAll(new EventTypeRoutes(catalog, baseUrl).endpoints());
        this.endpoints = List.copyOf(all);
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }
}
