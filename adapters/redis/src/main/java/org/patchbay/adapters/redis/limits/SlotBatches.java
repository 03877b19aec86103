package org.patchbay.adapters.redis.limits;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.redis.client.Response;
import org.patchbay.adapters.redis.LuaScript;
import org.patchbay.adapters.redis.RedisCommands;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes and give-backs of slots, sent to Redis in batches: while batches are with Redis the next operations gather,
 * then go together in one call of {@code slots.lua}, which carries them out one after another in the order they were
 * asked for. Every REST request takes a slot and gives it back; as two script calls of their own, their per-command
 * cost in Redis and in the client was most of what the limiter added to a request. A give-back is asked for only
 * after its take has answered, so it can never overtake it.
 */
final class SlotBatches {
    static final LuaScript SLOTS = LuaScript.resource(SlotBatches.class, "slots.lua");
    /** Keeps one script call's work, and Redis's pause for it, short. */
    private static final int MOST_PER_BATCH = 64;
    /** One batch per pipelined connection of {@link RedisCommands}. */
    private static final int BATCHES_IN_FLIGHT = 2;

    /** Each operation answers three numbers (see slots.lua). */
    private record Operation(List<String> keys, List<String> args, Promise<long[]> answered) {
    }

    private final RedisCommands redis;
    private final ArrayDeque<Operation> waiting = new ArrayDeque<>();
    private int inFlight;

    SlotBatches(RedisCommands redis) {
        this.redis = redis;
    }

    /** @param keys the counts, then each count's rejection counter */
    Future<long[]> take(List<String> keys, String id, long leaseMillis, boolean countRefusal, List<Integer> thresholds) {
        List<String> args = new ArrayList<>(5 + thresholds.size());
        args.add("take");
        args.add(Integer.toString(thresholds.size()));
        args.add(id);
        args.add(Long.toString(leaseMillis));
        args.add(countRefusal ? "1" : "0");
        thresholds.forEach(threshold -> args.add(Integer.toString(threshold)));
        return submit(new Operation(keys, args, Promise.promise()));
    }

    Future<long[]> giveBack(List<String> counts, String id) {
        return submit(new Operation(counts, List.of("give", Integer.toString(counts.size()), id), Promise.promise()));
    }

    private Future<long[]> submit(Operation operation) {
        List<Operation> batch;
        synchronized (this) {
            waiting.add(operation);
            if (inFlight >= BATCHES_IN_FLIGHT) {
                return operation.answered().future();
            }
            inFlight++;
            batch = take();
        }
        send(batch);
        return operation.answered().future();
    }

    private void send(List<Operation> batch) {
        List<String> keys = new ArrayList<>();
        List<String> args = new ArrayList<>();
        args.add(Integer.toString(batch.size()));
        for (Operation operation : batch) {
            keys.addAll(operation.keys());
            args.addAll(operation.args());
        }
        redis.eval(SLOTS, keys, args).onComplete(done -> {
            settle(batch, done);
            List<Operation> next;
            synchronized (this) {
                next = waiting.isEmpty() ? null : take();
                if (next == null) {
                    inFlight--;
                }
            }
            if (next != null) {
                send(next);
            }
        });
    }

    private static void settle(List<Operation> batch, AsyncResult<Response> done) {
        for (int i = 0; i < batch.size(); i++) {
            Promise<long[]> answered = batch.get(i).answered();
            if (done.failed()) {
                answered.fail(done.cause());
                continue;
            }
            Response reply = done.result();
            answered.complete(new long[] {reply.get(3 * i).toLong(), reply.get(3 * i + 1).toLong(), reply.get(3 * i + 2).toLong()});
        }
    }

    private List<Operation> take() {
        List<Operation> batch = new ArrayList<>(Math.min(waiting.size(), MOST_PER_BATCH));
        while (!waiting.isEmpty() && batch.size() < MOST_PER_BATCH) {
            batch.add(waiting.poll());
        }
        return batch;
    }
}
