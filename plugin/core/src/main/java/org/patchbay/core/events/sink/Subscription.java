package org.patchbay.core.events.sink;

import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;

import java.time.Instant;
import java.util.List;

/**
 * Which of an account's events go to one sink (Twilio's Event Streams Subscription): its event types, each at a
 * schema version, narrowed by Patchbay's {@link SubscriptionFilters}, and for batching webhook sinks its
 * {@link Batching}.
 */
public record Subscription(
        String sid,
        String accountSid,
        String sinkSid,
        String description,
        List<SubscribedType> types,
        SubscriptionFilters filters,
        Batching batching,
        Instant dateCreated,
        Instant dateUpdated) implements Resource {

    public static final String SID_PREFIX = "DF";
    public static final ResourceKind<Subscription> KIND = ResourceKind.of("event-subscriptions", Subscription.class);

    public Subscription {
        types = List.copyOf(types);
        filters = filters == null ? SubscriptionFilters.NONE : filters;
        batching = batching == null ? Batching.DEFAULT : batching;
    }

    public Subscription withDescription(String newDescription, Instant now) {
        return new Subscription(sid, accountSid, sinkSid, newDescription, types, filters, batching, dateCreated, now);
    }

    public Subscription withSink(String newSinkSid, Instant now) {
        return new Subscription(sid, accountSid, newSinkSid, description, types, filters, batching, dateCreated, now);
    }

    public Subscription withTypes(List<SubscribedType> newTypes, Instant now) {
        return new Subscription(sid, accountSid, sinkSid, description, newTypes, filters, batching, dateCreated, now);
    }

    public Subscription withFilters(SubscriptionFilters newFilters, Batching newBatching, Instant now) {
        return new Subscription(sid, accountSid, sinkSid, description, types, newFilters, newBatching, dateCreated, now);
    }
}
