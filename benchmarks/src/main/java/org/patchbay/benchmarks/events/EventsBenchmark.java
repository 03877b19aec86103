package org.patchbay.benchmarks.events;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import org.patchbay.core.events.EventDraft;
import org.patchbay.core.events.EventType;
import org.patchbay.core.events.sink.Batching;
import org.patchbay.core.events.sink.Sink;
import org.patchbay.core.events.sink.SinkStatus;
import org.patchbay.core.events.sink.SinkType;
import org.patchbay.core.events.sink.SubscribedType;
import org.patchbay.core.events.sink.Subscription;
import org.patchbay.core.sid.Sids;
import org.patchbay.server.Patchbay;
import org.patchbay.server.config.ConfigLoader;
import org.patchbay.testkit.RedisServer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The event router's benchmark: one Patchbay in this process (sandbox, in memory or on a Redis it starts),
 * events appended to its log at a fixed rate (open loop), received by 10 WebSocket subscribers, then by a local
 * webhook receiver unbatched and batched. Prints events/s and publication-to-receipt p50/p99 per case, twice: the
 * first round warms the JIT up, the second is the measurement.
 *
 * <pre>java -cp 'benchmarks/target/patchbay-benchmarks.jar:benchmarks/target/lib/*' org.patchbay.benchmarks.events.EventsBenchmark [--redis]</pre>
 */
public final class EventsBenchmark {
    private static final EventType TYPE = EventType.of("io.patchbay.bench.tick");
    private static final int SUBSCRIBERS = 10;
    private static final int SUBJECTS = 500;

    private final Vertx vertx = Vertx.vertx();
    private Patchbay patchbay;

    public static void main(String[] args) throws Exception {
        boolean redis = List.of(args).contains("--redis");
        RedisServer server = redis ? RedisServer.start() : null;
        EventsBenchmark bench = new EventsBenchmark();
        try {
            bench.start(server);
            System.out.println("mode: " + (redis ? "redis" : "memory"));
            // Round 1 warms the JIT up: its first seconds run interpreted and their backlog would be the p99.
            for (String round : List.of("warm-up", "measured")) {
                bench.report(round, "10 WebSocket subscribers", bench.webSockets(5_000, 10));
                bench.report(round, "webhook unbatched", bench.webhook(2_000, 10, null));
                bench.report(round, "webhook batched (100 / 50 ms)", bench.webhook(20_000, 5, new Batching(100, Duration.ofMillis(50))));
            }
        } finally {
            bench.patchbay.stop().await(30, TimeUnit.SECONDS);
            bench.vertx.close().await(30, TimeUnit.SECONDS);
            if (server != null) {
                server.close();
            }
        }
    }

    private void start(RedisServer redis) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("PATCHBAY_HTTP_PORT", "0",
                "PATCHBAY_DATA_DIR", Files.createTempDirectory("pb-events-bench").toString(),
                "PATCHBAY_EVENTS_SINK_REFRESH", "1s",
                // room for a whole case, so a webhook consumer that falls behind is measured, not evicted
                "PATCHBAY_EVENTS_MEMORY_CAPACITY", "200000"));
        if (redis != null) {
            env.put("PATCHBAY_REDIS_URL", redis.url());
        }
        patchbay = Patchbay.start(vertx, ConfigLoader.load(env)).await(60, TimeUnit.SECONDS);
    }

    /** Every subscriber receives every event; the latency is each (subscriber, event) pair's. */
    private Result webSockets(int rate, int seconds) throws Exception {
        Latencies latencies = new Latencies(rate * seconds * SUBSCRIBERS);
        AtomicInteger received = new AtomicInteger();
        WebSocketClient client = vertx.createWebSocketClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString((patchbay.mainAccount().sid() + ":"
                + patchbay.mainAccount().authToken()).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < SUBSCRIBERS; i++) {
            WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(patchbay.httpPort())
                    .setURI("/v1/Events/Stream?types=io.patchbay.bench.*").addHeader("Authorization", auth);
            Future.<Void>future(p -> vertx.runOnContext(v -> client.connect(options).onSuccess(socket -> {
                socket.textMessageHandler(text -> {
                    latencies.add(System.nanoTime() - stamps(text).get(0));
                    received.incrementAndGet();
                });
                p.complete();
            }).onFailure(p::fail))).await(10, TimeUnit.SECONDS);
        }
        try {
            return publish(rate, seconds, SUBSCRIBERS, received, latencies);
        } finally {
            // Closing here also keeps the client reachable while it publishes: Vert.x closes an unreachable client's sockets.
            client.close().await(10, TimeUnit.SECONDS);
        }
    }

    private Result webhook(int rate, int seconds, Batching batching) throws Exception {
        Latencies latencies = new Latencies(rate * seconds);
        AtomicInteger received = new AtomicInteger();
        HttpServer receiver = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            long now = System.nanoTime();
            List<Long> stamps = stamps(body.toString());
            stamps.forEach(t -> latencies.add(now - t));
            received.addAndGet(stamps.size());
            request.response().setStatusCode(204).end();
        })).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        Instant now = Instant.now();
        Map<String, Object> configuration = new HashMap<>(Map.of("destination", "http://127.0.0.1:" + receiver.actualPort() + "/events",
                "method", "POST"));
        configuration.put("batch_events", batching != null);
        Sink sink = Sink.create("DG" + Sids.secret(), patchbay.mainAccount().sid(), "bench", SinkType.WEBHOOK, configuration, now)
                .withStatus(SinkStatus.active, now);
        patchbay.store().of(Sink.KIND).put(sink).await(10, TimeUnit.SECONDS);
        Subscription subscription = new Subscription("DF" + Sids.secret(), sink.accountSid(), sink.sid(), "bench",
                List.of(new SubscribedType(TYPE.name(), 1)), null, batching, now, now);
        patchbay.store().of(Subscription.KIND).put(subscription).await(10, TimeUnit.SECONDS);
        Thread.sleep(2_500);
        try {
            return publish(rate, seconds, 1, received, latencies);
        } finally {
            patchbay.store().of(Subscription.KIND).delete(subscription.sid()).await(10, TimeUnit.SECONDS);
            patchbay.store().of(Sink.KIND).delete(sink.sid()).await(10, TimeUnit.SECONDS);
            Thread.sleep(1_500);
            receiver.close().await(10, TimeUnit.SECONDS);
        }
    }

    /** Appends {@code rate × seconds} events at fixed times and waits until every receiver has every one (or 30 s more). */
    private Result publish(int rate, int seconds, int receivers, AtomicInteger received, Latencies latencies)
            throws Exception {
        int total = rate * seconds;
        AtomicInteger sent = new AtomicInteger();
        long start = System.nanoTime();
        long timer = vertx.setPeriodic(1, t -> {
            long due = Math.min(total, (System.nanoTime() - start) * rate / 1_000_000_000L);
            while (sent.get() < due) {
                int n = sent.getAndIncrement();
                patchbay.events().log().append(new EventDraft(TYPE, "bench", patchbay.mainAccount().sid(), "CA" + (n % SUBJECTS),
                        Instant.now(), Map.of("n", n, "t", System.nanoTime()), Map.of()));
            }
        });
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds + 30);
        while (received.get() < (long) total * receivers && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long elapsed = System.nanoTime() - start;
        vertx.cancelTimer(timer);
        return new Result(total, received.get() / receivers, total / (elapsed / 1e9), latencies.millisAt(0.5), latencies.millisAt(0.99));
    }

    /** The publication stamps ("t" in each event's data) in a message, read without parsing all of it: the receivers share the CPU with Patchbay. */
    private static List<Long> stamps(String text) {
        List<Long> found = new ArrayList<>();
        for (int at = text.indexOf("\"t\":"); at >= 0; at = text.indexOf("\"t\":", at + 4)) {
            int end = at + 4;
            while (end < text.length() && Character.isDigit(text.charAt(end))) {
                end++;
            }
            found.add(Long.parseLong(text.substring(at + 4, end)));
        }
        return found;
    }

    private void report(String round, String what, Result result) {
        System.out.printf("%-9s %-32s published %d, received %d per receiver, %.0f events/s, p50 %.2f ms, p99 %.2f ms%n",
                round, what, result.published, result.received, result.rate, result.p50, result.p99);
    }

    private record Result(int published, int received, double rate, double p50, double p99) {
    }
}
