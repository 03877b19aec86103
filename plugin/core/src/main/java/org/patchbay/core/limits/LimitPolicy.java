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

    public Future<Thresholds> thresholds(String accountSid) {
        long now = System.nanoTime();
        Cached cached = cache.get(accountSid);
        if (cached != null && now - cached.loadedAt() < FRESH_NANOS && !cached.thresholds().failed()) {
            return cached.thresholds();
        }
        // Unreadable thresholds (the store is down) must not refuse work the limiter would admit: keep the last known.
        Future<Thresholds> loading = store.get(accountSid).map(own -> Thresholds.of(defaults, own))
                .recover(failure -> cached != null ? cached.thresholds()
                        : Future.succeededFuture(Thresholds.of(defaults, AccountLimits.none(accountSid))));
        cache.put(accountSid, new Cached(loading, now));
        return loading;
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
