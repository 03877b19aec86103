package org.patchbay.benchmarks;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.patchbay.adapters.http.HttpWebhookSender;
import org.patchbay.adapters.redis.usage.RedisUsageStore;
import org.patchbay.core.account.Account;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.call.Direction;
import org.patchbay.core.events.CallStatusChanged;
import org.patchbay.core.events.EventPublisher;
import org.patchbay.core.events.EventRouter;
import org.patchbay.core.events.memory.MemoryEventLog;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.memory.MemoryStore;
import org.patchbay.core.usage.AccountFamily;
import org.patchbay.core.usage.Counting;
import org.patchbay.core.usage.PriceTable;
import org.patchbay.core.usage.TriggerBy;
import org.patchbay.core.usage.TriggerCallbacks;
import org.patchbay.core.usage.UsageCategories;
import org.patchbay.core.usage.UsageMeter;
import org.patchbay.core.usage.UsageTrigger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * From the event that crosses a trigger to the trigger's callback request: each of {@code accounts}
 * accounts has a trigger at its first call; one call-completed event per account is published to the
 * event router at {@code rate} per second, counted by the meter (group {@code usage}) into Redis, and
 * the signed callback lands on a local HTTP server. Latency = callback received − event published.
 */
final class TriggerLatency {
    private final Vertx vertx;
    private final String redisUrl;
    private final String prefix;

    TriggerLatency(Vertx vertx, String redisUrl, String prefix) {
        this.vertx = vertx;
        this.redisUrl = redisUrl;
        this.prefix = prefix;
    }

    /** Milliseconds per account: published → callback, and the meter handed the event → callback. */
    record Latencies(List<Double> fromPublish, List<Double> fromMeter) {
    }

    Latencies run(int accounts, int rate) throws Exception {
        Map<String, Long> published = new ConcurrentHashMap<>();
        Map<String, Long> handled = new ConcurrentHashMap<>();
        List<Double> meterToCallback = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch all = new CountDownLatch(accounts);
        HttpServer callbacks = await(vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            long now = System.nanoTime();
            String account = formValue(body.toString(), "AccountSid");
            Long sent = published.remove(account);
            if (sent != null) {
                meterToCallback.add((now - handled.get(account)) / 1e6);
                latencies.add((now - sent) / 1e6);
                all.countDown();
            }
            request.response().setStatusCode(204).end();
        })).listen(0, "127.0.0.1"));
        String url = "http://127.0.0.1:" + callbacks.actualPort() + "/fired";

        MemoryStore records = new MemoryStore();
        RedisUsageStore store = new RedisUsageStore(vertx, redisUrl, prefix, Duration.ofDays(1));
        HttpWebhookSender webhooks = new HttpWebhookSender(vertx);
        EventRouter router = new EventRouter(new MemoryEventLog(vertx, 100_000, Duration.ofHours(1)), EventPublisher.none(), "bench");
        AccountFamily family = new AccountFamily(records);
        UsageMeter meter = new UsageMeter(store, new Counting(UsageCategories.RULES, PriceTable.FREE), family, a -> ZoneOffset.UTC,
                new TriggerCallbacks(store, family, webhooks, router), Clock.systemUTC());
        List<String> sids = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < accounts; i++) {
            String sid = Sids.next(Sids.ACCOUNT);
            sids.add(sid);
            await(records.of(Account.KIND).put(new Account(sid, sid, Sids.secret(), "bench", Account.Status.active, now, now)));
            await(store.putTrigger(new UsageTrigger(Sids.next(Sids.USAGE_TRIGGER), sid, "first call", url, "POST", "calls",
                    TriggerBy.COUNT, BigDecimal.ONE, null, now, now, null)));
        }
        org.patchbay.core.call.Cancellable consuming = router.consume(UsageMeter.GROUP, event -> {
            handled.put(event.accountSid(), System.nanoTime());
            return meter.count(event);
        });
        // published from an event loop at a steady pace, as the platform publishes: no thread spins for the clock
        long period = Math.max(1, 1000 / rate);
        int perTick = Math.max(1, rate / 1000);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        vertx.setPeriodic(period, timer -> {
            for (int k = 0; k < perTick; k++) {
                int i = next.getAndIncrement();
                if (i >= accounts) {
                    vertx.cancelTimer(timer);
                    return;
                }
                String sid = sids.get(i);
                published.put(sid, System.nanoTime());
                router.publish(completedCall(sid));
            }
        });
        if (!all.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException((accounts - latencies.size()) + " callbacks never came");
        }
        consuming.cancel();
        await(webhooks.close());
        await(store.close());
        await(callbacks.close());
        return new Latencies(latencies, meterToCallback);
    }

    private static CallStatusChanged completedCall(String account) {
        Instant now = Instant.now();
        String sid = Sids.next(Sids.CALL);
        CallRecord call = new CallRecord(sid, account, null, "+15550001", "+15550002", null, null, CallStatus.COMPLETED,
                Direction.INBOUND, null, now, now, now.minusSeconds(30), now, 30L, null, "chan-" + sid, "bench");
        return new CallStatusChanged(call, "completed", now, Map.of("AccountSid", account, "CallSid", sid,
                "CallStatus", "completed", "Direction", "inbound", "From", "+15550001", "To", "+15550002", "CallDuration", "30"));
    }

    private static String formValue(String body, String name) {
        for (String pair : body.split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static <T> T await(Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }
}
