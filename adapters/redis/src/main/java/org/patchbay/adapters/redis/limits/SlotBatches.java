package org.patchbay.adapters.redis.limits;

import io.vertx.core.Future;
import org.patchbay.adapters.redis.LuaScript;
import org.patchbay.adapters.redis.RedisCommands;
import org.patchbay.adapters.redis.ScriptBatches;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes and give-backs of slots, carried out by {@code slots.lua} in batches ({@link ScriptBatches}). Every REST
 * request takes a slot and gives it back; as two script calls of their own, their per-command cost in Redis and in
 * the client was most of what the limiter added to a request. A give-back is asked for only after its take has
 * answered, so it can never overtake it.
 */
final class SlotBatches {
    static final LuaScript SLOTS = LuaScript.resource(SlotBatches.class, "slots.lua");
    /** Keeps one script call's work, and Redis's pause for it, short. */
    private static final int MOST_PER_BATCH = 64;
    /** One batch per pipelined connection of {@link RedisCommands}. */
    private static final int BATCHES_IN_FLIGHT = 2;

    private record Operation(List<String> keys, List<String> args) {
    }

    private final ScriptBatches<Operation, long[]> batches;

    SlotBatches(RedisCommands redis) {
        this.batches = new ScriptBatches<>(MOST_PER_BATCH, BATCHES_IN_FLIGHT, batch -> {
            List<String> keys = new ArrayList<>();
            List<String> args = new ArrayList<>();
            args.add(Integer.toString(batch.size()));
            for (Operation operation : batch) {
                keys.addAll(operation.keys());
                args.addAll(operation.args());
            }
            return redis.eval(SLOTS, keys, args);
        }, (reply, place, operation) -> new long[] {reply.get(3 * place).toLong(), reply.get(3 * place + 1).toLong(),
                reply.get(3 * place + 2).toLong()});
    }

    /** Each operation answers three numbers (see slots.lua). @param keys the counts, then each count's rejection counter */
    Future<long[]> take(List<String> keys, String id, long leaseMillis, boolean countRefusal, List<Integer> thresholds) {
        List<String> args = new ArrayList<>(5 + thresholds.size());
        args.add("take");
        args.add(Integer.toString(thresholds.size()));
        args.add(id);
        args.add(Long.toString(leaseMillis));
        args.add(countRefusal ? "1" : "0");
        thresholds.forEach(threshold -> args.add(Integer.toString(threshold)));
        return batches.submit(new Operation(keys, args));
    }

    Future<long[]> giveBack(List<String> counts, String id) {
        return batches.submit(new Operation(counts, List.of("give", Integer.toString(counts.size()), id)));
    }
}
