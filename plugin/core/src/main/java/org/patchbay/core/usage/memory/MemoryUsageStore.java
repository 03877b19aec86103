package org.patchbay.core.usage.memory;

import io.vertx.core.Future;
import org.patchbay.core.usage.Firing;
import org.patchbay.core.usage.Increment;
import org.patchbay.core.usage.Tally;
import org.patchbay.core.usage.UsageDelta;
import org.patchbay.core.usage.UsageStore;
import org.patchbay.core.usage.UsageTrigger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Usage counters and triggers of a single node, kept in this process. Every operation holds the
 * store's lock, so an event's increments, its trigger checks and the firings it claims are one step,
 * as the Redis store's Lua script makes them.
 */
public final class MemoryUsageStore implements UsageStore {
    private final Duration dedupWindow;
    /** counters ("fam:AC…") → bucket ("d:2026-12-02") → category → tally */
    private final Map<String, Map<String, Map<String, Tally>>> counters = new HashMap<>();
    /** event ids counted, oldest first, with when they may be forgotten and the firings they caused */
    private final LinkedHashMap<String, Seen> seen = new LinkedHashMap<>();
    private final Map<String, UsageTrigger> triggers = new HashMap<>();
    private final Map<String, FiredState> fired = new HashMap<>();

    private record FiredState(String period, Instant at) {
    }

    private record Seen(Instant expires, List<Firing> firings) {
    }

    public MemoryUsageStore(Duration dedupWindow) {
        this.dedupWindow = dedupWindow;
    }

    @Override
    public synchronized Future<List<Firing>> record(UsageDelta delta) {
        // remembered for the window from now, whatever the event's own time, as Redis expires its key
        Instant now = Instant.now();
        forgetExpired(now);
        Seen before = seen.get(delta.eventId());
        if (before != null) {
            return Future.succeededFuture(before.firings());
        }
        for (UsageDelta.Scope scope : delta.scopes()) {
            for (String bucket : scope.buckets()) {
                Map<String, Tally> tallies = counters.computeIfAbsent(scope.counters(), c -> new HashMap<>())
                        .computeIfAbsent(bucket, b -> new HashMap<>());
                delta.increments().forEach(i -> tallies.merge(i.category(), i.amount(), Tally::plus));
            }
        }
        List<Firing> firings = new ArrayList<>();
        for (UsageDelta.Scope scope : delta.scopes()) {
            if (scope.checksTriggers()) {
                delta.increments().forEach(increment -> check(scope, increment, delta.at(), firings));
            }
        }
        seen.put(delta.eventId(), new Seen(now.plus(dedupWindow), List.copyOf(firings)));
        return Future.succeededFuture(firings);
    }

    private void check(UsageDelta.Scope scope, Increment increment, Instant at, List<Firing> firings) {
        for (UsageTrigger trigger : triggers.values()) {
            if (!trigger.accountSid().equals(scope.accountSid()) || !trigger.category().equals(increment.category())) {
                continue;
            }
            String bucket = scope.buckets().get(trigger.watchedPeriod().ordinal());
            long value = trigger.valueIn(counters.get(scope.counters()).get(bucket).getOrDefault(trigger.category(), Tally.ZERO));
            FiredState last = fired.get(trigger.sid());
            boolean due = trigger.recurring() == null ? last == null : last == null || !last.period().equals(bucket);
            if (value >= trigger.threshold() && due) {
                fired.put(trigger.sid(), new FiredState(bucket, at));
                firings.add(new Firing(trigger.sid(), trigger.accountSid(), bucket, value));
            }
        }
    }

    private void forgetExpired(Instant now) {
        Iterator<Map.Entry<String, Seen>> oldest = seen.entrySet().iterator();
        while (oldest.hasNext() && oldest.next().getValue().expires().isBefore(now)) {
            oldest.remove();
        }
    }

    @Override
    public synchronized Future<Map<String, Tally>> read(String counterSet, List<String> buckets) {
        Map<String, Tally> sum = new HashMap<>();
        Map<String, Map<String, Tally>> byBucket = counters.getOrDefault(counterSet, Map.of());
        buckets.forEach(bucket -> byBucket.getOrDefault(bucket, Map.of()).forEach((category, tally) -> sum.merge(category, tally, Tally::plus)));
        return Future.succeededFuture(sum);
    }

    @Override
    public synchronized Future<Void> putTrigger(UsageTrigger trigger) {
        triggers.put(trigger.sid(), trigger.firedAt(null));
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<UsageTrigger> trigger(String sid) {
        return Future.succeededFuture(withFiring(triggers.get(sid)));
    }

    @Override
    public synchronized Future<List<UsageTrigger>> triggers(String accountSid) {
        return Future.succeededFuture(triggers.values().stream().filter(t -> t.accountSid().equals(accountSid))
                .sorted(Comparator.comparing(UsageTrigger::dateCreated).thenComparing(UsageTrigger::sid).reversed())
                .map(this::withFiring).toList());
    }

    @Override
    public synchronized Future<Boolean> deleteTrigger(String sid) {
        fired.remove(sid);
        return Future.succeededFuture(triggers.remove(sid) != null);
    }

    @Override
    public Future<Void> close() {
        return Future.succeededFuture();
    }

    private UsageTrigger withFiring(UsageTrigger trigger) {
        FiredState state = trigger == null ? null : fired.get(trigger.sid());
        return state == null ? trigger : trigger.firedAt(state.at());
    }
}
