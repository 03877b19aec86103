package org.patchbay.server.events;

import com.fasterxml.jackson.core.type.TypeReference;
import org.patchbay.core.events.sink.Batching;
import org.patchbay.core.events.sink.Sink;
import org.patchbay.core.events.sink.SinkStatus;
import org.patchbay.core.events.sink.SinkType;
import org.patchbay.core.events.sink.SubscribedType;
import org.patchbay.core.events.sink.Subscription;
import org.patchbay.core.events.sink.SubscriptionFilters;
import org.patchbay.core.json.Json;
import org.patchbay.core.sid.Sids;
import org.patchbay.server.Patchbay;
import org.patchbay.server.e2e.Harness;
import org.patchbay.testkit.RecordedRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Sinks and subscriptions put straight into a running Patchbay's store, and what webhook receivers got. */
final class SinkFixtures {
    private static final TypeReference<List<Map<String, Object>>> EVENTS = new TypeReference<>() {
    };

    private SinkFixtures() {
    }

    static Sink activeSink(Patchbay patchbay, SinkType type, Map<String, Object> configuration) {
        Instant now = Instant.now();
        Sink sink = Sink.create("DG" + Sids.secret(), patchbay.mainAccount().sid(), "test sink", type, configuration, now)
                .withStatus(SinkStatus.active, now);
        Harness.await(patchbay.store().of(Sink.KIND).put(sink));
        return sink;
    }

    static Subscription subscribe(Patchbay patchbay, Sink sink, SubscriptionFilters filters, Batching batching, String... types) {
        Instant now = Instant.now();
        List<SubscribedType> subscribed = new ArrayList<>();
        for (String type : types) {
            subscribed.add(new SubscribedType(type, 1));
        }
        Subscription subscription = new Subscription("DF" + Sids.secret(), sink.accountSid(), sink.sid(), "test", subscribed,
                filters, batching, now, now);
        Harness.await(patchbay.store().of(Subscription.KIND).put(subscription));
        return subscription;
    }

    /** The CloudEvents of every request to a webhook receiver, in the order they arrived. */
    static List<Map<String, Object>> events(List<RecordedRequest> requests) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (RecordedRequest request : requests) {
            try {
                all.addAll(Json.MAPPER.readValue(request.body(), EVENTS));
            } catch (Exception e) {
                throw new AssertionError("not a JSON array of events: " + request.body(), e);
            }
        }
        return all;
    }
}
