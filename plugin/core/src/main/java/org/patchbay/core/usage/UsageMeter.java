package org.patchbay.core.usage;

import io.vertx.core.Future;
import org.patchbay.core.call.Cancellable;
import org.patchbay.core.events.EventFeed;
import org.patchbay.core.events.RoutedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Counts platform events into usage: each event's increments go, in one store step, to the account's
 * own counters, its family counters and, for a subaccount, its owner's family counters, in the period
 * buckets of the day it happened in each account's time zone. The store answers the triggers that
 * fired; their callbacks go out at once.
 */
public final class UsageMeter {
    public static final String GROUP = "usage";
    private static final Logger LOG = LoggerFactory.getLogger(UsageMeter.class);

    private final UsageStore store;
    private final Counting counting;
    private final AccountFamily accounts;
    private final Function<String, ZoneId> zones;
    private final TriggerCallbacks callbacks;
    private final Clock clock;

    public UsageMeter(UsageStore store, Counting counting, AccountFamily accounts, Function<String, ZoneId> zones,
                      TriggerCallbacks callbacks, Clock clock) {
        this.store = store;
        this.counting = counting;
        this.accounts = accounts;
        this.zones = zones;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /** Counts everything the feed carries, once per event for the whole cluster (group {@value #GROUP}). */
    public Cancellable consume(EventFeed feed) {
        return feed.consume(GROUP, this::count);
    }

    /** Counts one event; a second delivery of the same event id counts nothing. Fails when the store cannot be reached. */
    public Future<Void> count(RoutedEvent event) {
        List<Increment> increments = counting.increments(event);
        if (increments.isEmpty() || event.accountSid() == null) {
            return Future.succeededFuture();
        }
        return accounts.ownerOf(event.accountSid())
                .compose(owner -> store.record(new UsageDelta(event.id(), scopes(event, owner), increments, event.time())))
                .map(firings -> {
                    firings.forEach(firing -> callbacks.fire(firing, clock.instant())
                            .onFailure(e -> LOG.warn("usage trigger {}: could not fire: {}", firing.triggerSid(), e.getMessage())));
                    return null;
                });
    }

    private List<UsageDelta.Scope> scopes(RoutedEvent event, String owner) {
        String account = event.accountSid();
        List<String> buckets = Period.bucketsAt(event.time(), zones.apply(account));
        List<UsageDelta.Scope> scopes = new ArrayList<>(3);
        scopes.add(new UsageDelta.Scope(account, UsageDelta.Scope.own(account), false, buckets));
        scopes.add(new UsageDelta.Scope(account, UsageDelta.Scope.family(account), true, buckets));
        if (!owner.equals(account)) {
            scopes.add(new UsageDelta.Scope(owner, UsageDelta.Scope.family(owner), true,
                    Period.bucketsAt(event.time(), zones.apply(owner))));
        }
        return scopes;
    }
}
