package org.patchbay.adapters.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs tasks with the same key one after another, in the order they were submitted; tasks with
 * different keys do not wait for each other. A key holds memory only while it has a task running:
 * the lane is removed as its last task ends.
 *
 * <p>Each lane's queue is only touched inside {@link ConcurrentHashMap#compute} for its key, which
 * makes "enqueue or start" and "take the next or remove the lane" atomic without other locks.
 * The order is fixed when {@link #submit} is called, on the caller's thread.
 *
 * <p>A task should complete asynchronously (they all do HTTP): a long lane of tasks that
 * complete at once would start each other recursively.
 */
final class OrderingLanes {
    private final Map<String, Queue<Runnable>> lanes = new ConcurrentHashMap<>();

    <T> Future<T> submit(String key, Supplier<Future<T>> task) {
        Promise<T> done = Promise.promise();
        Runnable run = () -> task.get().onComplete(result -> {
            startNext(key);
            done.handle(result);
        });
        boolean[] laneWasIdle = {false};
        lanes.compute(key, (k, waiting) -> {
            if (waiting == null) {
                laneWasIdle[0] = true;
                return new ArrayDeque<>();
            }
            waiting.add(run);
            return waiting;
        });
        if (laneWasIdle[0]) {
            run.run();
        }
        return done.future();
    }

    /** Keys with a task running: zero once everything submitted has ended. */
    int activeKeys() {
        return lanes.size();
    }

    private void startNext(String key) {
        Runnable[] next = {null};
        lanes.compute(key, (k, waiting) -> {
            next[0] = waiting.poll();
            return next[0] == null ? null : waiting;
        });
        if (next[0] != null) {
            next[0].run();
        }
    }
}
