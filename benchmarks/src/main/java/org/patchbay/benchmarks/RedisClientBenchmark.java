package org.patchbay.benchmarks;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.patchbay.adapters.redis.RedisCommands;
import org.patchbay.testkit.RedisServer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * How many commands per second reach Redis and come back, in bursts of {@code burst} commands sent at once
 * (as a busy node sends its stores' commands): through {@link RedisCommands} (pipelined on two connections)
 * and through the Vert.x client's own pool (a pooled connection per command, as the stores used before),
 * alternating rounds in one run, on a redis-server of its own.
 *
 * <pre>java -cp 'benchmarks/target/patchbay-benchmarks.jar:benchmarks/target/lib/*' org.patchbay.benchmarks.RedisClientBenchmark [burst [rounds]]</pre>
 */
public final class RedisClientBenchmark {
    private RedisClientBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int burst = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Vertx vertx = Vertx.vertx();
        RedisServer server = RedisServer.start();
        try {
            RedisOptions options = new RedisOptions().setConnectionString(server.url())
                    .setMaxPoolSize(8).setMaxPoolWaiting(4096).setMaxWaitingHandlers(4096);
            Redis pooled = Redis.createClient(vertx, options);
            RedisCommands pipelined = new RedisCommands(Redis.createClient(vertx, options), Duration.ofSeconds(5));
            System.out.printf("redis client benchmark: bursts of %d INCR, %d rounds each (the first two are warm-up), redis-server on port %d%n",
                    burst, rounds, server.port());
            double[] best = {0, 0};
            for (int round = 0; round < rounds; round++) {
                double viaPool = rate(vertx, burst, pooled::send);
                double viaPipeline = rate(vertx, burst, pipelined::send);
                if (round >= 2) {
                    best[0] = Math.max(best[0], viaPool);
                    best[1] = Math.max(best[1], viaPipeline);
                }
                System.out.printf("round %2d: pooled %8.0f commands/s, pipelined %8.0f commands/s%n", round, viaPool, viaPipeline);
            }
            System.out.printf("best after warm-up: pooled %.0f/s, pipelined %.0f/s; pipelined / pooled %.1f%n",
                    best[0], best[1], best[1] / best[0]);
            pipelined.close();
        } finally {
            server.close();
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    /** Commands per second for one burst sent from one event loop, every reply awaited; a failed command fails the round. */
    private static double rate(Vertx vertx, int burst, Function<Request, Future<Response>> send) throws Exception {
        Promise<Void> done = Promise.promise();
        AtomicInteger left = new AtomicInteger(burst);
        long start = System.nanoTime();
        vertx.runOnContext(v -> {
            for (int i = 0; i < burst; i++) {
                send.apply(Request.cmd(Command.INCR).arg("bench")).onComplete(reply -> {
                    if (reply.failed()) {
                        done.tryFail(reply.cause());
                    } else if (left.decrementAndGet() == 0) {
                        done.tryComplete();
                    }
                });
            }
        });
        done.future().await(60, TimeUnit.SECONDS);
        return burst / ((System.nanoTime() - start) / 1e9);
    }
}
