package org.patchbay.adapters.redis.limits;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;
import org.patchbay.adapters.redis.LuaScript;
import org.patchbay.adapters.redis.RedisCommands;
import org.patchbay.core.limits.Admission;
import org.patchbay.core.limits.CallPacer;
import org.patchbay.core.limits.Counter;
import org.patchbay.core.limits.CounterState;
import org.patchbay.core.limits.Lease;
import org.patchbay.core.limits.Limiter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Leases and pacing shared by every node on one Redis. Each count is a sorted set of slot ids
 * scored by expiry at {@code {prefix}limits:{key}}; taking, renewing and giving back slots are
 * Lua scripts (the {@code .lua} files beside this class), so a check and its take cannot interleave
 * with another node's. Expiries are read from Redis's own clock, so nodes' clocks need not agree.
 */
public final class RedisLimiter implements Limiter, CallPacer {
    /** A limiter that cannot answer quickly must not hold up requests: its failure policy applies instead. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);
    /** Commands awaiting their replies on one pipelined connection (see {@link org.patchbay.adapters.redis.RedisCommands}). */
    private static final int WAITING = 4096;

    static final LuaScript RENEW = LuaScript.resource(RedisLimiter.class, "renew.lua");
    static final LuaScript STATE = LuaScript.resource(RedisLimiter.class, "state.lua");
    static final LuaScript PACE = LuaScript.resource(RedisLimiter.class, "pace.lua");

    private final RedisCommands redis;
    private final SlotBatches slots;
    private final String prefix;
    private final Queue<Lease> owed = new ConcurrentLinkedQueue<>();

    public RedisLimiter(Vertx vertx, String connectionString, String prefix) {
        this(vertx, connectionString, prefix, DEFAULT_TIMEOUT);
    }

    public RedisLimiter(Vertx vertx, String connectionString, String prefix, Duration timeout) {
        RedisOptions options = new RedisOptions()
                .setConnectionString(connectionString)
                .setMaxWaitingHandlers(WAITING);
        options.getNetClientOptions().setConnectTimeout((int) timeout.toMillis());
        this.redis = new RedisCommands(Redis.createClient(vertx, options), timeout);
        this.slots = new SlotBatches(redis);
        this.prefix = prefix + "limits:";
    }

    /** The script that takes and gives back slots, for a benchmark to run the same source through redis-benchmark. */
    public static String slotsScript() {
        return SlotBatches.SLOTS.source();
    }

    @Override
    public Future<Admission> acquire(List<Counter> counters, Duration ttl, boolean countRefusal) {
        List<String> keys = new ArrayList<>(counters.size() * 2);
        counters.forEach(counter -> keys.add(count(counter.key())));
        counters.forEach(counter -> keys.add(rejections(counter.key())));
        String id = UUID.randomUUID().toString();
        List<Integer> thresholds = counters.stream().map(counter -> Math.max(0, counter.threshold())).toList();
        Lease lease = new Lease(id, counters.stream().map(Counter::key).toList(), ttl);
        return slots.take(keys, id, ttl.toMillis(), countRefusal, thresholds).map(reply -> {
            if (reply[0] == 1) {
                return Admission.admitted(lease, reply[2]);
            }
            return Admission.refused(counters.get((int) reply[1] - 1).key(), reply[2]);
        }).onSuccess(ok -> payDebts()).onFailure(failure -> owed.add(lease));
    }

    @Override
    public Future<Void> renew(Lease lease) {
        return eval(RENEW, counts(lease), List.of(lease.id(), Long.toString(lease.ttl().toMillis()))).mapEmpty();
    }

    @Override
    public Future<Void> release(Lease lease) {
        return slots.giveBack(counts(lease), lease.id()).<Void>mapEmpty().onSuccess(ok -> payDebts())
                .onFailure(failure -> owed.add(lease));
    }

    @Override
    public Future<CounterState> state(String key) {
        return eval(STATE, List.of(count(key), rejections(key)), List.of())
                .map(reply -> new CounterState(reply.get(0).toLong(), reply.get(1).toLong()));
    }

    @Override
    public Future<Long> tryStart(String key, int perSecond) {
        return eval(PACE, List.of(prefix + key), List.of(Long.toString(1_000_000L / perSecond)))
                .map(RedisLimiter::microsToMillis);
    }

    /**
     * Runs a script; once one succeeds, the slots owed are given back. A take or give-back that timed
     * out may still be carried out when a hung Redis catches up, so both are owed: without this a slot
     * would stay taken by no one until its lease ran out.
     */
    private Future<Response> eval(LuaScript script, List<String> keys, List<String> args) {
        return redis.eval(script, keys, args).onSuccess(ok -> payDebts());
    }

    private void payDebts() {
        List<Lease> due = new ArrayList<>();
        for (Lease lease = owed.poll(); lease != null; lease = owed.poll()) {
            due.add(lease);
        }
        due.forEach(lease -> slots.giveBack(counts(lease), lease.id()).onFailure(again -> owed.add(lease)));
    }

    @Override
    public Future<Void> close() {
        return redis.close();
    }

    private List<String> counts(Lease lease) {
        return lease.keys().stream().map(this::count).toList();
    }

    private String count(String key) {
        return prefix + key;
    }

    private String rejections(String key) {
        return prefix + "rejected:" + key;
    }

    /** Rounded up: a timer set for a wait rounded down would ask again just before the start is due. */
    private static long microsToMillis(Response waitMicros) {
        return (waitMicros.toLong() + 999) / 1000;
    }
}
