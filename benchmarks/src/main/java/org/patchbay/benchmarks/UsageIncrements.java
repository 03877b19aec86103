package org.patchbay.benchmarks;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import org.patchbay.adapters.redis.usage.RedisUsageStore;
import org.patchbay.core.usage.Increment;
import org.patchbay.core.usage.Period;
import org.patchbay.core.usage.Tally;
import org.patchbay.core.usage.TriggerBy;
import org.patchbay.core.usage.UsageDelta;
import org.patchbay.core.usage.UsageTrigger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Increments per second: a counted event through {@code record.lua} (an inbound call of a subaccount:
 * two categories, own, family and owner's family counters in four periods, two triggers checked per
 * family) against a bare {@code HINCRBY}, with the same client, pool and number in flight.
 */
final class UsageIncrements {
    private static final String SUB = "AC" + "1".repeat(32);
    private static final String OWNER = "AC" + "2".repeat(32);

    private final Vertx vertx;
    private final String redisUrl;
    private final int inFlight;

    UsageIncrements(Vertx vertx, String redisUrl, int inFlight) {
        this.vertx = vertx;
        this.redisUrl = redisUrl;
        this.inFlight = inFlight;
    }

    /** Plain HINCRBY per second over {@code seconds}. */
    double plainHincrby(Redis client, double seconds) {
        Request request = Request.cmd(Command.HINCRBY).arg("bench:plain").arg("calls|c").arg(1);
        return run(() -> client.send(request).mapEmpty(), seconds);
    }

    /** Counted events per second over {@code seconds}, each a fresh event id. */
    double usageEvents(RedisUsageStore store, double seconds) {
        AtomicLong ids = new AtomicLong();
        return run(() -> store.record(delta("bench-" + ids.incrementAndGet())).mapEmpty(), seconds);
    }

    /**
     * The same event's counter updates without dedup, trigger checks or atomicity: its HINCRBYs as plain
     * commands, pipelined in one batch per event. Per second, events.
     */
    double plainBatches(Redis client, double seconds) {
        List<Request> batch = new java.util.ArrayList<>();
        UsageDelta delta = delta("plain");
        for (UsageDelta.Scope scope : delta.scopes()) {
            for (String bucket : scope.buckets()) {
                for (Increment increment : delta.increments()) {
                    String key = "bench:plain:" + scope.counters() + ":" + bucket;
                    batch.add(Request.cmd(Command.HINCRBY).arg(key).arg(increment.category() + "|c").arg(increment.amount().count()));
                    batch.add(Request.cmd(Command.HINCRBY).arg(key).arg(increment.category() + "|u").arg(increment.amount().usage()));
                    batch.add(Request.cmd(Command.HINCRBY).arg(key).arg(increment.category() + "|p").arg(increment.amount().priceMicros()));
                }
            }
        }
        return run(() -> client.batch(batch).mapEmpty(), seconds);
    }

    /** An inbound call of a subaccount, priced. */
    private static UsageDelta delta(String id) {
        List<String> buckets = Period.bucketsAt(Instant.now(), ZoneOffset.UTC);
        List<Increment> increments = List.of(new Increment("calls", new Tally(1, 2, 17_000)),
                new Increment("calls-inbound", new Tally(1, 2, 17_000)));
        List<UsageDelta.Scope> scopes = List.of(new UsageDelta.Scope(SUB, UsageDelta.Scope.own(SUB), false, buckets),
                new UsageDelta.Scope(SUB, UsageDelta.Scope.family(SUB), true, buckets),
                new UsageDelta.Scope(OWNER, UsageDelta.Scope.family(OWNER), true, buckets));
        return new UsageDelta(id, scopes, increments, Instant.now());
    }

    /** Triggers that watch the benchmark's counters and never fire (so every step checks, none calls back). */
    static List<UsageTrigger> watchingTriggers() {
        Instant now = Instant.now();
        return List.of(trigger("UT" + "a".repeat(32), SUB, "calls", Period.DAILY, now),
                trigger("UT" + "b".repeat(32), SUB, "calls-inbound", Period.MONTHLY, now),
                trigger("UT" + "c".repeat(32), OWNER, "calls", null, now),
                trigger("UT" + "d".repeat(32), OWNER, "calls-inbound", Period.YEARLY, now));
    }

    private static UsageTrigger trigger(String sid, String account, String category, Period recurring, Instant now) {
        return new UsageTrigger(sid, account, "bench", "http://127.0.0.1:9/never", "POST", category, TriggerBy.COUNT,
                new BigDecimal("1000000000000"), recurring, now, now, null);
    }

    Redis plainClient() {
        return Redis.createClient(vertx, new RedisOptions().setConnectionString(redisUrl).setMaxPoolSize(8).setMaxPoolWaiting(4096));
    }

    /** Keeps {@code inFlight} operations going for {@code seconds}; answers completed operations per second. */
    private double run(Supplier<Future<Void>> operation, double seconds) {
        Promise<Double> done = Promise.promise();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        AtomicLong completed = new AtomicLong();
        AtomicLong running = new AtomicLong(inFlight);
        vertx.runOnContext(v -> {
            for (int i = 0; i < inFlight; i++) {
                loop(operation, end, completed, running, start, done);
            }
        });
        return done.future().toCompletionStage().toCompletableFuture().join();
    }

    private void loop(Supplier<Future<Void>> operation, long end, AtomicLong completed, AtomicLong running, long start,
                      Promise<Double> done) {
        if (System.nanoTime() >= end) {
            if (running.decrementAndGet() == 0) {
                done.complete(completed.get() / ((System.nanoTime() - start) / 1e9));
            }
            return;
        }
        operation.get().onComplete(result -> {
            if (result.failed()) {
                done.tryFail(result.cause());
                return;
            }
            completed.incrementAndGet();
            loop(operation, end, completed, running, start, done);
        });
    }
}
