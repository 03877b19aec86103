package org.patchbay.core.events.delivery;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.patchbay.core.account.Account;
import org.patchbay.core.call.Cancellable;
import org.patchbay.core.events.EventFeed;
import org.patchbay.core.events.EventType;
import org.patchbay.core.events.EventHandling;
import org.patchbay.core.events.RoutedEvent;
import org.patchbay.core.events.sink.Sink;
import org.patchbay.core.events.sink.SinkChanges;
import org.patchbay.core.events.sink.SinkTester;
import org.patchbay.core.events.sink.SinkType;
import org.patchbay.core.events.sink.Subscription;
import org.patchbay.core.events.sink.WebhookConfiguration;
import org.patchbay.core.notification.Notifications;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers events to the sinks of every account: each sink with a subscription reads the event feed as its
 * own consumer group ({@code sink:<Sid>}), so with Redis each event reaches each sink once for the whole
 * cluster, in order per call, and waits in the log while the sink is down. The sinks and subscriptions are
 * reread from the store every {@code refresh}, and at once on this node when the API says they changed.
 */
public final class SinkRouter implements SinkTester, SinkChanges {
    private static final Logger LOG = LoggerFactory.getLogger(SinkRouter.class);
    private static final int PAGE = 1_000;

    private final Vertx vertx;
    private final Store store;
    private final EventFeed feed;
    private final SinkAttempts attempts;
    private final DeliveryPolicy policy;
    private final String source;
    private final Map<String, SinkRoute> routes = new HashMap<>();
    private final Map<String, Cancellable> consumers = new HashMap<>();
    private final Map<String, SinkBatch> batches = new HashMap<>();
    private Context context;
    private long timer = -1;
    private boolean stopped;

    public SinkRouter(Vertx vertx, Store store, EventFeed feed, Notifications notifications, Map<SinkType, SinkTransport> transports,
                      DeliveryPolicy policy, String source, DeliveryObserver observer) {
        this.vertx = vertx;
        this.store = store;
        this.feed = feed;
        this.attempts = new SinkAttempts(vertx, store, notifications, transports, policy, observer);
        this.policy = policy;
        this.source = source;
    }

    public Future<Void> start() {
        context = vertx.getOrCreateContext();
        timer = vertx.setPeriodic(policy.refresh().toMillis(), t -> refresh());
        return refresh();
    }

    @Override
    public void changed(String accountSid) {
        if (context != null) {
            context.runOnContext(v -> refresh());
        }
    }

    @Override
    public Future<Void> sendTest(Sink sink, String testId) {
        RoutedEvent test = new RoutedEvent("EV" + Sids.secret(), EventType.of(TEST_EVENT_TYPE), source, sink.accountSid(), null,
                Instant.now(), 0, Map.of("test_id", testId), Map.of());
        return store.of(Account.KIND).get(sink.accountSid()).compose(account -> {
            if (account == null) {
                return Future.failedFuture("no account " + sink.accountSid());
            }
            attempts.deliver(sink, account.authToken(), List.of(test));
            return Future.succeededFuture();
        });
    }

    /** Events given up after the retry period, since this node started. */
    public long dropped() {
        return attempts.dropped();
    }

    public Future<Void> stop() {
        stopped = true;
        vertx.cancelTimer(timer);
        consumers.values().forEach(Cancellable::cancel);
        consumers.clear();
        batches.values().forEach(SinkBatch::flush);
        return Future.succeededFuture();
    }

    private Future<Void> refresh() {
        return store.of(Account.KIND).findBy(Account.BY_ROLE, "main")
                .compose(main -> main == null ? Future.succeededFuture(List.<Account>of())
                        : store.of(Account.KIND).list(main.sid(), a -> true, 0, PAGE).map(page -> page.items()))
                .compose(this::readRoutes)
                .onSuccess(read -> context.runOnContext(v -> apply(read)))
                .onFailure(e -> LOG.warn("could not read the event sinks: {}", e.getMessage()))
                .mapEmpty();
    }

    private Future<Map<String, SinkRoute>> readRoutes(List<Account> accounts) {
        Map<String, String> owners = new HashMap<>();
        accounts.forEach(a -> owners.put(a.sid(), a.ownerAccountSid()));
        List<Future<Map<String, SinkRoute>>> reads = accounts.stream().map(account ->
                store.of(Sink.KIND).list(account.sid(), s -> true, 0, PAGE).compose(sinks ->
                        store.of(Subscription.KIND).list(account.sid(), s -> true, 0, PAGE).map(subscriptions -> {
                            Map<String, SinkRoute> found = new HashMap<>();
                            for (Sink sink : sinks.items()) {
                                List<Subscription> mine = subscriptions.items().stream()
                                        .filter(s -> s.sinkSid().equals(sink.sid())).toList();
                                found.put(sink.sid(), new SinkRoute(sink, mine, account.authToken(), Map.copyOf(owners)));
                            }
                            return found;
                        }))).toList();
        return Future.all(reads).map(all -> {
            Map<String, SinkRoute> merged = new HashMap<>();
            reads.forEach(read -> merged.putAll(read.result()));
            return merged;
        });
    }

    private void apply(Map<String, SinkRoute> read) {
        if (stopped) {
            return;
        }
        routes.clear();
        routes.putAll(read);
        read.forEach((sid, route) -> {
            if (!route.subscriptions().isEmpty() && !consumers.containsKey(sid)) {
                consumers.put(sid, feed.consumeInSteps("sink:" + sid, event -> handle(sid, event)));
            }
        });
        consumers.keySet().removeIf(sid -> {
            SinkRoute route = read.get(sid);
            if (route != null && !route.subscriptions().isEmpty()) {
                return false;
            }
            consumers.get(sid).cancel();
            return true;
        });
    }

    private EventHandling handle(String sinkSid, RoutedEvent event) {
        SinkRoute route = routes.get(sinkSid);
        if (route == null || !route.receiving()) {
            return EventHandling.inOneStep(Future.succeededFuture());
        }
        Optional<Subscription> selecting = route.selecting(event);
        if (selecting.isEmpty()) {
            return EventHandling.inOneStep(Future.succeededFuture());
        }
        Sink sink = route.sink();
        if (sink.configuration() instanceof WebhookConfiguration webhook && webhook.batchEvents()) {
            Subscription subscription = selecting.get();
            return batches.computeIfAbsent(subscription.sid() + "/" + subscription.batching(), key ->
                            new SinkBatch(vertx, subscription.batching(), batch -> currentDelivery(sinkSid, batch)))
                    .add(event);
        }
        return EventHandling.inOneStep(attempts.deliver(sink, route.signingKey(), List.of(event)));
    }

    /** A batch goes out with the sink as it stands when it is sent. */
    private Future<Void> currentDelivery(String sinkSid, List<RoutedEvent> batch) {
        SinkRoute route = routes.get(sinkSid);
        return route == null ? Future.succeededFuture() : attempts.deliver(route.sink(), route.signingKey(), batch);
    }
}
