package org.patchbay.benchmarks;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/** Runs one asynchronous task per item, a bounded number at a time, on one context; keeps the items' order. */
final class Parallel {
    private Parallel() {
    }

    static <T, R> Future<List<R>> map(Context context, List<T> items, int width, Function<T, Future<R>> task) {
        Promise<List<R>> done = Promise.promise();
        context.runOnContext(ignored -> {
            List<R> results = new ArrayList<>(Collections.nCopies(items.size(), null));
            int[] next = {0};
            int[] finished = {0};
            if (items.isEmpty()) {
                done.complete(results);
                return;
            }
            Runnable[] pump = new Runnable[1];
            pump[0] = () -> {
                int index = next[0]++;
                task.apply(items.get(index)).onComplete(result -> {
                    if (result.failed()) {
                        done.tryFail(result.cause());
                        return;
                    }
                    results.set(index, result.result());
                    if (++finished[0] == items.size()) {
                        done.tryComplete(results);
                    } else if (next[0] < items.size()) {
                        pump[0].run();
                    }
                });
            };
            for (int i = 0; i < Math.min(width, items.size()); i++) {
                pump[0].run();
            }
        });
        return done.future();
    }
}
