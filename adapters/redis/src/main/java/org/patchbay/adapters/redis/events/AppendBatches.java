package org.patchbay.adapters.redis.events;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.redis.client.Response;
import org.patchbay.adapters.redis.LuaScript;
import org.patchbay.adapters.redis.RedisCommands;
import org.patchbay.core.events.EventDraft;
import org.patchbay.core.events.RoutedEvent;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * This node's appends, one batch per partition at a time: while a batch is with Redis the next appends gather and
 * then go together in one script call. A call appends a dozen events, each of which took a script call of its own
 * and waited for the one before it; now a busy partition takes them in bulk. Order is kept: a subject always
 * falls in the same partition, a partition's batches go one after another, and a batch keeps its order.
 */
final class AppendBatches {
    private static final LuaScript APPEND = LuaScript.resource(AppendBatches.class, "append.lua");
    /** Keeps one script call's work (and Redis's pause for it) short. */
    private static final int MOST_PER_BATCH = 100;

    private record Pending(EventDraft draft, String encoded, Promise<RoutedEvent> appended) {
    }

    private static final class Partition {
        final ArrayDeque<Pending> waiting = new ArrayDeque<>();
        boolean sending;
    }

    private final RedisCommands redis;
    private final StreamKeys keys;
    private final String retentionMillis;
    private final Partition[] partitions;

    AppendBatches(RedisCommands redis, StreamKeys keys, Duration retention) {
        this.redis = redis;
        this.keys = keys;
        this.retentionMillis = String.valueOf(retention.toMillis());
        this.partitions = new Partition[keys.partitions()];
        for (int p = 0; p < partitions.length; p++) {
            partitions[p] = new Partition();
        }
    }

    Future<RoutedEvent> append(int partition, EventDraft draft) {
        Pending pending = new Pending(draft, EventEntries.encode(draft), Promise.promise());
        Partition queue = partitions[partition];
        List<Pending> batch;
        synchronized (queue) {
            queue.waiting.add(pending);
            if (queue.sending) {
                return pending.appended().future();
            }
            queue.sending = true;
            batch = take(queue);
        }
        send(partition, batch);
        return pending.appended().future();
    }

    private void send(int partition, List<Pending> batch) {
        List<String> scriptKeys = new ArrayList<>(batch.size() + 1);
        List<String> args = new ArrayList<>(batch.size() + 1);
        scriptKeys.add(keys.stream(partition));
        args.add(retentionMillis);
        for (Pending pending : batch) {
            scriptKeys.add(keys.sequence(pending.draft().subject()));
            args.add(pending.encoded());
        }
        redis.eval(APPEND, scriptKeys, args).onComplete(done -> {
            settle(partition, batch, done);
            Partition queue = partitions[partition];
            List<Pending> next;
            synchronized (queue) {
                next = queue.waiting.isEmpty() ? null : take(queue);
                queue.sending = next != null;
            }
            if (next != null) {
                send(partition, next);
            }
        });
    }

    private static void settle(int partition, List<Pending> batch, AsyncResult<Response> done) {
        for (int i = 0; i < batch.size(); i++) {
            Pending pending = batch.get(i);
            if (done.failed()) {
                pending.appended().fail(done.cause());
                continue;
            }
            Response reply = done.result();
            pending.appended().complete(pending.draft().routed(EventEntries.id(partition, reply.get(2 * i).toString()),
                    reply.get(2 * i + 1).toLong()));
        }
    }

    private static List<Pending> take(Partition queue) {
        List<Pending> batch = new ArrayList<>(Math.min(queue.waiting.size(), MOST_PER_BATCH));
        while (!queue.waiting.isEmpty() && batch.size() < MOST_PER_BATCH) {
            batch.add(queue.waiting.poll());
        }
        return batch;
    }
}
