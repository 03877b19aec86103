package org.patchbay.core.limits;

import io.vertx.core.Future;
import org.patchbay.core.account.Account;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Which counts a request or a call takes a slot from, with which thresholds. A subaccount's slot
 * counts for the subaccount and for its parent, each against its own threshold. Accounts' own
 * thresholds are read from the shared store at most every half second per account, so a change made
 * on any node applies everywhere within a second without a store read per request.
 */
public final class LimitPolicy {
    private static final long FRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private record Cached(Future<Thresholds> thresholds, long loadedAt) {
    }

    private final LimitDefaults defaults;
    private final AccountLimitsStore store;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final java.util.Set<String> reloading = ConcurrentHashMap.newKeySet();

    public LimitPolicy(LimitDefaults defaults, AccountLimitsStore store) {
        this.defaults = defaults;
        this.store = store;
    }

    public LimitDefaults defaults() {
        return defaults;
    }

    public AccountLimitsStore store() {
        return store;
    }

    public static String apiKey(String accountSid) {
        return "api:" + accountSid;
    }

    public static String apiKey(String accountSid, String resource) {
        return "api:" + accountSid + ":" + resource;
    }

    public static String callsKey(String accountSid) {
        return "calls:" + accountSid;
    }

    public static String paceKey(String accountSid) {
        return "cps:" + accountSid;
    }

    /**
     * The account's thresholds. Once known they are served at once: a read older than half a second
     * starts a new one in the background, so a slow or unreachable store never holds up a request.
     */
    public Future<Thresholds> thresholds(String accountSid) {
        long now = System.nanoTime();
        Cached cached = cache.get(accountSid);
        if (cached == null || !cached.thresholds().succeeded()) {
            if (cached != null && !cached.thresholds().isComplete()) {
                return cached.thresholds();
            }
            Future<Thresholds> first = load(accountSid).recover(failure ->
                    Future.succeededFuture(Thresholds.of(defaults, AccountLimits.none(accountSid))));
            cache.put(accountSid, new Cached(first, now));
            return first;
        }
        if (now - cached.loadedAt() >= FRESH_NANOS && reloading.add(accountSid)) {
            load(accountSid).onComplete(read -> {
                reloading.remove(accountSid);
                if (read.succeeded()) {
                    cache.put(accountSid, new Cached(Future.succeededFuture(read.result()), System.nanoTime()));
                }
            });
        }
        return cached.thresholds();
    }

    private Future<Thresholds> load(String accountSid) {
        return store.get(accountSid).map(own -> Thresholds.of(defaults, own));
    }

    /** After a change made here: this node uses it at once rather than within the half second. */
    public void forget(String accountSid) {
        cache.remove(accountSid);
    }

    /** The account's API count first (its in-flight value is what the client is told), then the parent's. */
    public Future<List<Counter>> apiCounters(Account account, String resource) {
        return forFamily(account, (sid, t, into) -> {
            into.add(new Counter(apiKey(sid), t.apiConcurrency()));
            if (t.api(resource) > 0) {
                into.add(new Counter(apiKey(sid, resource), t.api(resource)));
            }
        });
    }

    public Future<List<Counter>> callCounters(Account account) {
        return forFamily(account, (sid, t, into) -> into.add(new Counter(callsKey(sid), t.concurrentCalls())));
    }

    public Future<Integer> callsPerSecond(Account account) {
        return thresholds(account.sid()).map(Thresholds::callsPerSecond);
    }

    private interface CounterRule {
        void add(String accountSid, Thresholds thresholds, List<Counter> into);
    }

    private Future<List<Counter>> forFamily(Account account, CounterRule rule) {
        Future<Thresholds> own = thresholds(account.sid());
        if (account.isMain()) {
            return own.map(t -> {
                List<Counter> counters = new ArrayList<>(2);
                rule.add(account.sid(), t, counters);
                return counters;
            });
        }
        Future<Thresholds> parent = thresholds(account.ownerAccountSid());
        return Future.all(own, parent).map(both -> {
            List<Counter> counters = new ArrayList<>(4);
            rule.add(account.sid(), own.result(), counters);
            rule.add(account.ownerAccountSid(), parent.result(), counters);
            return counters;
        });
    }
}
