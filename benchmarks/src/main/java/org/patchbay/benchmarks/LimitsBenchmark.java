package org.patchbay.benchmarks;

import io.vertx.core.Vertx;
import org.patchbay.testkit.RedisServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The limits benchmark: the limiter's take-and-give-back rate against redis-benchmark running the same
 * Lua scripts with the same clients, REST requests per second with the API limiter on versus off, and
 * CallsPerSecond=20 held by two nodes. Prints its figures and ratios; starts and stops its own
 * redis-server and Patchbays (sandbox mode, from {@code plugin/server/target/patchbay.jar}).
 *
 * <pre>java -cp benchmarks/target/patchbay-benchmarks.jar org.patchbay.benchmarks.LimitsBenchmark [clients [seconds [parts]]]</pre>
 * where parts is a comma-separated choice of {@code lua,rest,cps} (default all three).
 */
public final class LimitsBenchmark {
    private static final int CPS = 20;
    private static final int CPS_CALLS_PER_NODE = 100;

    private LimitsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        Duration duration = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 10);
        java.util.Set<String> parts = java.util.Set.of((args.length > 2 ? args[2] : "lua,rest,cps").split(","));
        Path jar = Path.of("plugin/server/target/patchbay.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": build first (mvn -B -q -DskipTests package)");
        }
        Path runDir = Files.createDirectories(Path.of("benchmarks/target/runs/limits-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        Vertx vertx = Vertx.vertx();
        RedisServer redis = RedisServer.start();
        try {
            System.out.printf("limits benchmark: %d clients, %d s per measurement, redis-server on port %d; logs in %s%n",
                    clients, duration.toSeconds(), redis.port(), runDir);
            if (parts.contains("lua")) {
                lua(vertx, redis, clients, duration);
            }
            if (parts.contains("rest")) {
                rest(vertx, jar, runDir, redis, clients, duration);
            }
            if (parts.contains("cps")) {
                cps(vertx, jar, runDir, redis);
            }
        } finally {
            redis.close();
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static void lua(Vertx vertx, RedisServer redis, int clients, Duration duration) throws Exception {
        LimiterRate.Result lua = LimiterRate.measure(vertx, redis.port(), clients, duration);
            System.out.printf("limiter take+give back: Patchbay %.0f pairs/s; redis-benchmark slots.lua take %.0f/s, give-back %.0f/s"
                            + " = %.0f pairs/s; ratio %.2f (goal >= 0.8)%n",
                    lua.patchbayPairs(), lua.acquirePerSecond(), lua.releasePerSecond(), lua.redisPairs(),
                    lua.patchbayPairs() / lua.redisPairs());
    }

    private static void rest(Vertx vertx, Path jar, Path runDir, RedisServer redis, int clients, Duration duration) throws Exception {
            Map<String, String> on = Map.of("PATCHBAY_LIMIT_REDIS_URL", redis.url(), "PATCHBAY_LIMIT_API_CONCURRENCY", "1000");
            Map<String, String> off = Map.of("PATCHBAY_LIMIT_API_CONCURRENCY", "0");
            RestRate.Run off1 = RestRate.measure(vertx, jar, runDir, "patchbay-rest-off-1", off, 4 * clients, duration);
            RestRate.Run on1 = RestRate.measure(vertx, jar, runDir, "patchbay-rest-on-1", on, 4 * clients, duration);
            RestRate.Run off2 = RestRate.measure(vertx, jar, runDir, "patchbay-rest-off-2", off, 4 * clients, duration);
            RestRate.Run on2 = RestRate.measure(vertx, jar, runDir, "patchbay-rest-on-2", on, 4 * clients, duration);
            double offRate = Math.max(off1.perSecond(), off2.perSecond());
            double onRate = Math.max(on1.perSecond(), on2.perSecond());
            System.out.printf("REST GET Account, %d clients: limiter off %.0f / %.0f req/s (%.3f / %.3f CPU ms/req), "
                            + "on (Redis) %.0f / %.0f req/s (%.3f / %.3f CPU ms/req); best on/off %.2f (goal >= 0.9)%n",
                    4 * clients, off1.perSecond(), off2.perSecond(), off1.cpuPerRequest(), off2.cpuPerRequest(),
                    on1.perSecond(), on2.perSecond(), on1.cpuPerRequest(), on2.cpuPerRequest(), onRate / offRate);
    }

    private static void cps(Vertx vertx, Path jar, Path runDir, RedisServer redis) throws Exception {
            CpsPacing.Result cps = CpsPacing.measure(vertx, jar, runDir, redis.url(), CPS, CPS_CALLS_PER_NODE);
            System.out.printf("CallsPerSecond=%d on two nodes, %d calls: %.2f starts/s (%.1f%% off), busiest second %d"
                            + " (goal within 5%%, none above %d); per second: %s%n",
                    CPS, cps.calls(), cps.perSecond(), 100 * Math.abs(cps.perSecond() - CPS) / CPS, cps.busiestSecond(), CPS + 1,
                    cps.perSecondBuckets());
    }
}
