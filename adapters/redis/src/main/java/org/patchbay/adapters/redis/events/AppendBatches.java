package org.patchbay.adapters.redis.events;

import io.vertx.core.Future;
import io.vertx.redis.client.Response;
import org.patchbay.adapters.redis.LuaScript;
import org.patchbay.adapters.redis.RedisCommands;
import org.patchbay.adapters.redis.ScriptBatches;
import org.patchbay.core.events.EventDraft;
import org.patchbay.core.events.RoutedEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * This node's appends, one batch per partition at a time ({@link ScriptBatches}): a call appends a dozen events, each
 * of which took a script call of its own and waited for the one before it. Order is kept: a subject always falls in
 * the same partition, a partition's batches go one after another, and a batch keeps its order.
 */
final class AppendBatches {
    private static final LuaScript APPEND = LuaScript.resource(AppendBatches.class, "append.lua");
    /** Keeps one script call's work (and Redis's pause for it) short. */
    private static final int MOST_PER_BATCH = 100;

    private record Append(EventDraft draft, String encoded) {
    }

    private final List<ScriptBatches<Append, RoutedEvent>> partitions = new ArrayList<>();

    AppendBatches(RedisCommands redis, StreamKeys keys, Duration retention) {
        String retentionMillis = String.valueOf(retention.toMillis());
        for (int p = 0; p < keys.partitions(); p++) {
            int partition = p;
            partitions.add(new ScriptBatches<>(MOST_PER_BATCH, 1,
                    batch -> redis.eval(APPEND, scriptKeys(keys, partition, batch), args(retentionMillis, batch)),
                    (reply, place, append) -> routed(partition, reply, place, append)));
        }
    }

    Future<RoutedEvent> append(int partition, EventDraft draft) {
        return partitions.get(partition).submit(new Append(draft, EventEntries.encode(draft)));
    }

    private static List<String> scriptKeys(StreamKeys keys, int partition, List<Append> batch) {
        List<String> scriptKeys = new ArrayList<>(batch.size() + 1);
        scriptKeys.add(keys.stream(partition));
        batch.forEach(append -> scriptKeys.add(keys.sequence(append.draft().subject())));
        return scriptKeys;
    }

    private static List<String> args(String retentionMillis, List<Append> batch) {
        List<String> args = new ArrayList<>(batch.size() + 1);
        args.add(retentionMillis);
        batch.forEach(append -> args.add(append.encoded()));
        return args;
    }

    /** append.lua answers an entry id and a sequence number per event. */
    private static RoutedEvent routed(int partition, Response reply, int place, Append append) {
        return append.draft().routed(EventEntries.id(partition, reply.get(2 * place).toString()), reply.get(2 * place + 1).toLong());
    }
}
