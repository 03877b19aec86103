package org.patchbay.benchmarks;

import io.vertx.core.Vertx;
import org.patchbay.adapters.redis.limits.RedisLimiter;
import org.patchbay.core.limits.Counter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The limiter's take-and-give-back rate: {@code clients} loops each taking a slot through
 * {@link RedisLimiter} and giving it back, against {@code redis-benchmark} running the same Lua script
 * (EVALSHA of {@code slots.lua}, one take, then one give-back per call) with the same number of clients on the
 * same Redis. The limiter sends what its clients ask for meanwhile in one call of the script (batches).
 */
final class LimiterRate {
    private static final String COUNT = "limits:api:ACbench";
    private static final String REJECTIONS = "limits:rejected:api:ACbench";

    private LimiterRate() {
    }

    record Result(int clients, double patchbayPairs, double acquirePerSecond, double releasePerSecond) {
        /** redis-benchmark's rate of whole take-and-give-back pairs: one of each script, one after the other. */
        double redisPairs() {
            return 1 / (1 / acquirePerSecond + 1 / releasePerSecond);
        }
    }

    static Result measure(Vertx vertx, int port, int clients, Duration duration) throws Exception {
        double ours = patchbayPairs(vertx, "redis://127.0.0.1:" + port, clients, duration);
        String slotsSha = load(port, RedisLimiter.slotsScript());
        long requests = Math.max(50_000, (long) (ours * duration.toSeconds()));
        double acquire = redisBenchmark(port, clients, requests, List.of("EVALSHA", slotsSha, "2", COUNT, REJECTIONS,
                "1", "take", "1", "slot-1", "60000", "1", "1000000"));
        double release = redisBenchmark(port, clients, requests, List.of("EVALSHA", slotsSha, "1", COUNT,
                "1", "give", "1", "slot-1"));
        return new Result(clients, ours, acquire, release);
    }

    private static double patchbayPairs(Vertx vertx, String url, int clients, Duration duration) throws Exception {
        RedisLimiter limiter = new RedisLimiter(vertx, url, "");
        List<Counter> counters = List.of(new Counter("api:ACbench", 1_000_000));
        AtomicLong pairs = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        vertx.runOnContext(v -> {
            for (int i = 0; i < clients; i++) {
                loop(limiter, counters, pairs, running);
            }
        });
        Thread.sleep(2_000);
        long before = pairs.get();
        long start = System.nanoTime();
        Thread.sleep(duration.toMillis());
        double rate = (pairs.get() - before) / ((System.nanoTime() - start) / 1e9);
        running.set(false);
        Thread.sleep(500);
        limiter.close().await(10, TimeUnit.SECONDS);
        return rate;
    }

    private static void loop(RedisLimiter limiter, List<Counter> counters, AtomicLong pairs, AtomicBoolean running) {
        limiter.acquire(counters, Duration.ofSeconds(60))
                .compose(admission -> limiter.release(admission.lease()))
                .onComplete(done -> {
                    if (done.succeeded()) {
                        pairs.incrementAndGet();
                    }
                    if (running.get()) {
                        loop(limiter, counters, pairs, running);
                    }
                });
    }

    private static String load(int port, String source) throws IOException, InterruptedException {
        return run(List.of("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port), "SCRIPT", "LOAD", source)).strip();
    }

    /** Requests per second that {@code redis-benchmark} reports for one command (its CSV output). */
    private static double redisBenchmark(int port, int clients, long requests, List<String> command)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("redis-benchmark", "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-c", Integer.toString(clients), "-n", Long.toString(requests), "--csv"));
        args.addAll(command);
        String[] lines = run(args).strip().split("\n");
        String[] fields = lines[lines.length - 1].split(",");
        return Double.parseDouble(fields[1].replace("\"", ""));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command.subList(0, 1)) + " failed: " + out);
        }
        return out;
    }
}
