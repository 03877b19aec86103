package org.patchbay.benchmarks.listing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import org.patchbay.benchmarks.LocalRedis;
import org.patchbay.benchmarks.Percentiles;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.store.ListQuery;
import org.patchbay.core.store.Page;
import org.patchbay.core.store.ResourceStore;
import org.patchbay.core.store.retention.Retention;
import org.patchbay.adapters.redis.RedisStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Filtered call listings over a million stored calls in Redis: loads the calls through the store's own write
 * script (in bulk: {@value #BATCH} calls per script run, {@value #IN_FLIGHT} runs in flight), then times pages of 50 for each
 * {@link ListingCase}, one query at a time, and prints p50/p99/max per case; then the same few queries by
 * walking the account's set with the filter alone (the listing before list indexes), and one retention sweep
 * that drops the oldest month.
 *
 * <pre>java -cp 'benchmarks/target/patchbay-benchmarks.jar:benchmarks/target/lib/*' \
 *     org.patchbay.benchmarks.listing.ListingBenchmark [--calls 1000000] [--queries 200]</pre>
 */
public final class ListingBenchmark {
    private static final int IN_FLIGHT = 4;
    private static final int BATCH = 500;
    private static final int PAGE = 50;

    private ListingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = intOption(args, "--calls", 1_000_000);
        int queries = intOption(args, "--queries", 200);
        Vertx vertx = Vertx.vertx();
        try (LocalRedis redis = LocalRedis.start()) {
            CallCorpus corpus = new CallCorpus(calls, Instant.now());
            RedisStore store = new RedisStore(vertx, redis.url(), "pb:", Duration.ofSeconds(30),
                    Retention.of(Retention.CALLS, Retention.NOTIFICATIONS, Retention.RECORDINGS, Clock.systemUTC()));
            load(store, corpus);
            System.out.printf("Redis memory: %s%n", info(vertx, redis.url(), "used_memory_human"));
            System.out.printf("%n%-44s %8s %8s %8s %8s%n", "case (page of 50)", "p50 ms", "p99 ms", "max ms", "items");
            for (ListingCase listing : ListingCase.all(corpus)) {
                time(store.of(CallRecord.KIND), listing, queries, false);
            }
            System.out.printf("%nThe filter alone, walking the account's set (the listing before list indexes), 3 queries each:%n");
            for (ListingCase listing : ListingCase.all(corpus)) {
                if (listing.name().startsWith("To (") || listing.name().startsWith("Status=in-progress")) {
                    time(store.of(CallRecord.KIND), listing, 3, true);
                }
            }
            sweepOldestMonth(vertx, redis.url(), corpus);
            await(store.close());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** Through the store's bulk write (write.lua for each record, {@value #BATCH} records per script run). */
    private static void load(RedisStore store, CallCorpus corpus) throws InterruptedException {
        Semaphore window = new Semaphore(IN_FLIGHT);
        long started = System.nanoTime();
        for (int first = 0; first < corpus.size; first += BATCH) {
            List<CallRecord> batch = new ArrayList<>(BATCH);
            for (int i = first; i < Math.min(corpus.size, first + BATCH); i++) {
                batch.add(corpus.call(i));
            }
            window.acquire();
            store.putAll(CallRecord.KIND, batch).onComplete(done -> {
                window.release();
                if (done.failed()) {
                    System.err.println("bulk write failed: " + done.cause().getMessage());
                }
            });
            if (first > 0 && first % 100_000 == 0) {
                System.out.printf("loaded %,d calls (%.0f s)%n", first, (System.nanoTime() - started) / 1e9);
            }
        }
        window.acquire(IN_FLIGHT);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("loaded %,d calls in %.0f s (%,.0f calls/s)%n", corpus.size, seconds, corpus.size / seconds);
    }

    private static void time(ResourceStore<CallRecord> calls, ListingCase listing, int queries, boolean filterAlone) {
        SplittableRandom random = new SplittableRandom(42);
        List<Double> millis = new ArrayList<>();
        long items = 0;
        for (int i = 0; i < queries + Math.min(20, queries); i++) {
            ListQuery<CallRecord> query = listing.next().apply(random);
            long start = System.nanoTime();
            Page<CallRecord> page = await(filterAlone ? calls.list(CallCorpus.ACCOUNT, query.filter(), listing.offset(), PAGE)
                    : calls.list(CallCorpus.ACCOUNT, query, listing.offset(), PAGE));
            double elapsed = (System.nanoTime() - start) / 1e6;
            if (i >= Math.min(20, queries)) {
                millis.add(elapsed);
                items += page.items().size();
            }
        }
        System.out.printf("%-44s %8.2f %8.2f %8.2f %8.1f%n", listing.name(), Percentiles.of(millis, 50), Percentiles.of(millis, 99),
                Percentiles.of(millis, 100), (double) items / millis.size());
    }

    private static void sweepOldestMonth(Vertx vertx, String url, CallCorpus corpus) {
        Clock monthLater = Clock.fixed(corpus.newest.plus(Duration.ofDays(30)), ZoneOffset.UTC);
        RedisStore later = new RedisStore(vertx, url, "pb:", Duration.ofSeconds(60),
                Retention.of(Retention.CALLS, Retention.NOTIFICATIONS, Retention.RECORDINGS, monthLater));
        long start = System.nanoTime();
        int dropped = await(later.sweep());
        System.out.printf("%nretention sweep with the clock 30 days on: dropped %,d calls with their index entries in %.1f s%n",
                dropped, (System.nanoTime() - start) / 1e9);
        await(later.close());
    }

    private static String info(Vertx vertx, String url, String field) {
        Redis client = Redis.createClient(vertx, url);
        String info = await(client.send(Request.cmd(Command.INFO).arg("memory"))).toString();
        client.close();
        return info.lines().filter(line -> line.startsWith(field + ":")).findFirst().map(line -> line.substring(field.length() + 1))
                .orElse("?");
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
