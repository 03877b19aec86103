package org.patchbay.testkit;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchbay.core.events.sink.Batching;
import org.patchbay.core.events.sink.Sink;
import org.patchbay.core.events.sink.SinkStatus;
import org.patchbay.core.events.sink.SinkType;
import org.patchbay.core.events.sink.SubscribedType;
import org.patchbay.core.events.sink.Subscription;
import org.patchbay.core.events.sink.SubscriptionFilters;
import org.patchbay.core.events.sink.TextMatch;
import org.patchbay.core.store.ResourceStore;
import org.patchbay.core.store.Store;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchbay.testkit.SampleRecords.T0;
import static org.patchbay.testkit.SampleRecords.sid;
import static org.patchbay.testkit.StoreContract.await;

/**
 * What every {@link Store} promises for the event router's sinks and subscriptions: they read back with every
 * field (configuration objects as sent, filters, batching), their changes stick, and listings stay per account.
 */
public abstract class EventSinkContract {
    private static final String ACCOUNT = sid("AC", 1);
    private static final String OTHER_ACCOUNT = sid("AC", 2);

    private Vertx vertx;
    private Store store;

    /** A fresh store that holds no records; {@link #vertx()} is ready when this is called. */
    protected abstract Store newStore();

    protected final Vertx vertx() {
        return vertx;
    }

    @BeforeEach
    final void openStore() {
        vertx = Vertx.vertx();
        store = newStore();
    }

    @AfterEach
    final void closeStore() {
        try {
            await(store.close());
        } finally {
            await(vertx.close());
        }
    }

    @Test
    void everySinkTypeReadsBackWithItsConfigurationAsSent() {
        ResourceStore<Sink> sinks = store.of(Sink.KIND);
        List<Sink> created = List.of(
                Sink.create(sid("DG", 1), ACCOUNT, "hook", SinkType.WEBHOOK,
                        Map.of("destination", "https://u:p@127.0.0.1:9/e", "method", "POST", "batch_events", true), T0),
                Sink.create(sid("DG", 2), ACCOUNT, "stream", SinkType.REDIS_STREAM,
                        Map.of("stream_key", "patchbay:out", "max_length", 5000), T0.plusSeconds(1)),
                Sink.create(sid("DG", 3), ACCOUNT, "queue", SinkType.AMQP,
                        Map.of("url", "amqp://guest:guest@127.0.0.1:5672", "exchange", "", "routing_key", "calls"),
                        T0.plusSeconds(2)));
        created.forEach(sink -> await(sinks.put(sink)));

        for (Sink sink : created) {
            Sink read = await(sinks.get(ACCOUNT, sink.sid()));
            assertEquals(sink, read);
            assertEquals(sink.configuration(), read.configuration());
        }
        assertEquals(List.of(created.get(2), created.get(1), created.get(0)),
                await(sinks.list(ACCOUNT, sink -> true, 0, 10)).items());
    }

    @Test
    void aSinkKeepsItsTestIdAndStatus() {
        ResourceStore<Sink> sinks = store.of(Sink.KIND);
        Sink sink = Sink.create(sid("DG", 1), ACCOUNT, "hook", SinkType.WEBHOOK, Map.of("destination", "http://127.0.0.1/"), T0);
        await(sinks.put(sink));

        Sink testing = sink.testing("test-1", T0.plusSeconds(1));
        await(sinks.put(testing));
        Sink read = await(sinks.get(sink.sid()));
        assertEquals(SinkStatus.validating, read.status());
        assertTrue(read.isTestId("test-1"));

        await(sinks.put(read.withStatus(SinkStatus.active, T0.plusSeconds(2))));
        assertEquals(SinkStatus.active, await(sinks.get(sink.sid())).status());
        assertEquals(T0.plusSeconds(2), await(sinks.get(sink.sid())).dateUpdated());

        await(sinks.put(await(sinks.get(sink.sid())).testing("test-2", T0.plusSeconds(3))));
        Sink retested = await(sinks.get(sink.sid()));
        assertEquals(SinkStatus.active, retested.status(), "an active sink tested again keeps receiving");
        assertTrue(retested.isTestId("test-2"));
        assertFalse(retested.isTestId("test-1"));
    }

    @Test
    void aSubscriptionReadsBackWithItsTypesFiltersAndBatching() {
        ResourceStore<Subscription> subscriptions = store.of(Subscription.KIND);
        Subscription filtered = new Subscription(sid("DF", 1), ACCOUNT, sid("DG", 1), "calls to London",
                List.of(new SubscribedType("com.twilio.voice.status-callback.call.answered", 1),
                        new SubscribedType("io.patchbay.call.gather.started", 1)),
                new SubscriptionFilters(TextMatch.parse("CA*"), TextMatch.parse(sid("AC", 3)), TextMatch.parse("inbound"),
                        TextMatch.parse("+4420*"), TextMatch.parse("*0100"), true),
                new Batching(25, Duration.ofMillis(250)), T0, T0);
        Subscription plain = new Subscription(sid("DF", 2), ACCOUNT, sid("DG", 2), "all answered",
                List.of(new SubscribedType("com.twilio.voice.status-callback.call.answered", 1)), null, null,
                T0.plusSeconds(1), T0.plusSeconds(1));
        await(subscriptions.put(filtered));
        await(subscriptions.put(plain));

        assertEquals(filtered, await(subscriptions.get(filtered.sid())));
        assertEquals(plain, await(subscriptions.get(plain.sid())));
        assertEquals(SubscriptionFilters.NONE, await(subscriptions.get(plain.sid())).filters());
        assertEquals(Batching.DEFAULT, await(subscriptions.get(plain.sid())).batching());
        assertEquals(List.of(filtered), await(subscriptions.list(ACCOUNT,
                subscription -> subscription.sinkSid().equals(sid("DG", 1)), 0, 10)).items());
    }

    @Test
    void listingsAndFetchesStayWithinTheAccount() {
        ResourceStore<Sink> sinks = store.of(Sink.KIND);
        Sink theirs = Sink.create(sid("DG", 9), OTHER_ACCOUNT, "theirs", SinkType.WEBHOOK,
                Map.of("destination", "http://127.0.0.1/"), T0);
        await(sinks.put(theirs));

        assertNull(await(sinks.get(ACCOUNT, theirs.sid())));
        assertEquals(List.of(), await(sinks.list(ACCOUNT, sink -> true, 0, 10)).items());
        assertEquals(List.of(theirs), await(sinks.list(OTHER_ACCOUNT, sink -> true, 0, 10)).items());
    }

    @Test
    void deletedSinksAndSubscriptionsAreGone() {
        ResourceStore<Sink> sinks = store.of(Sink.KIND);
        ResourceStore<Subscription> subscriptions = store.of(Subscription.KIND);
        Sink sink = Sink.create(sid("DG", 1), ACCOUNT, "hook", SinkType.WEBHOOK, Map.of("destination", "http://127.0.0.1/"), T0);
        Subscription subscription = new Subscription(sid("DF", 1), ACCOUNT, sink.sid(), "s",
                List.of(new SubscribedType("io.patchbay.call.record.started", 1)), null, null, T0, T0);
        await(sinks.put(sink));
        await(subscriptions.put(subscription));

        assertTrue(await(subscriptions.delete(subscription.sid())));
        assertTrue(await(sinks.delete(sink.sid())));
        assertNull(await(sinks.get(sink.sid())));
        assertNull(await(subscriptions.get(subscription.sid())));
        assertEquals(List.of(), await(subscriptions.list(ACCOUNT, any -> true, 0, 10)).items());
    }
}
