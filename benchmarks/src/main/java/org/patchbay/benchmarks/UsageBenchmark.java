package org.patchbay.benchmarks;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import org.patchbay.adapters.redis.usage.RedisUsageStore;
import org.patchbay.core.usage.UsageTrigger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The usage benchmark: counted events per second through the trigger-checking Lua step against a bare
 * HINCRBY in the same run (alternating rounds, medians), then crossing event → callback latency.
 * {@code java -cp benchmarks/target/patchbay-benchmarks.jar org.patchbay.benchmarks.UsageBenchmark
 * [--seconds 5] [--rounds 3] [--in-flight 64] [--accounts 2000] [--rate 200]}
 */
public final class UsageBenchmark {
    private UsageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = option(args, "--seconds", 5);
        int rounds = (int) option(args, "--rounds", 3);
        int inFlight = (int) option(args, "--in-flight", 64);
        int accounts = (int) option(args, "--accounts", 2000);
        int rate = (int) option(args, "--rate", 200);
        Vertx vertx = Vertx.vertx();
        try (LocalRedis redis = LocalRedis.start()) {
            UsageIncrements increments = new UsageIncrements(vertx, redis.url(), inFlight);
            Redis plain = increments.plainClient();
            RedisUsageStore store = new RedisUsageStore(vertx, redis.url(), "bench:", Duration.ofMinutes(10));
            for (UsageTrigger trigger : UsageIncrements.watchingTriggers()) {
                store.putTrigger(trigger).toCompletionStage().toCompletableFuture().join();
            }
            increments.plainHincrby(plain, 2);
            increments.plainBatches(plain, 2);
            increments.usageEvents(store, 2);
            List<Double> singles = new ArrayList<>();
            List<Double> batches = new ArrayList<>();
            List<Double> counted = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                double single = increments.plainHincrby(plain, seconds);
                double batch = increments.plainBatches(plain, seconds);
                double event = increments.usageEvents(store, seconds);
                singles.add(single);
                batches.add(batch);
                counted.add(event);
                System.out.printf(Locale.ROOT, "round %d: HINCRBY %.0f/s; same event as plain HINCRBYs %.0f events/s; "
                        + "record.lua %.0f events/s (ratio %.2f)%n", round, single, batch, event, event / batch);
            }
            double single = Percentiles.median(singles);
            double batch = Percentiles.median(batches);
            double event = Percentiles.median(counted);
            System.out.printf(Locale.ROOT, "medians: one HINCRBY %.0f/s; an event's 72 counter updates as plain HINCRBYs %.0f events/s; "
                    + "the same through record.lua with dedup and trigger checks %.0f events/s%n", single, batch, event);
            System.out.printf(Locale.ROOT, "ratio with trigger evaluation / plain HINCRBY (same updates): %.2f (goal >= 0.7); "
                    + "per single HINCRBY: %.2f%n", event / batch, event / single);
            plain.close();
            store.close();

            new TriggerLatency(vertx, redis.url(), "warmup:").run(Math.max(100, accounts / 4), rate);
            TriggerLatency.Latencies latencies = new TriggerLatency(vertx, redis.url(), "latency:").run(accounts, rate);
            report("crossing event published -> callback", latencies.fromPublish(), rate);
            report("meter handed the event -> callback", latencies.fromMeter(), rate);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static void report(String what, List<Double> millis, int rate) {
        System.out.printf(Locale.ROOT, "%s (%d triggers, %d events/s): p50 %.2f ms, p99 %.2f ms, max %.2f ms (goal p99 < 200 ms)%n",
                what, millis.size(), rate, Percentiles.of(millis, 50), Percentiles.of(millis, 99), Percentiles.of(millis, 100));
    }

    private static double option(String[] args, String name, double fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Double.parseDouble(args[i + 1]);
            }
        }
        return fallback;
    }
}
