package org.patchbay.adapters.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.function.Supplier;

/** Runs asynchronous work on a Vert.x context, whoever calls. */
final class Contexts {
    private Contexts() {
    }

    /**
     * Starts the work on the caller's context, or on a fresh one for a caller outside Vert.x
     * (a test, a blocking thread), so that its timers and HTTP callbacks all share one thread.
     */
    static <T> Future<T> onContext(Vertx vertx, Supplier<Future<T>> work) {
        if (Vertx.currentContext() != null) {
            return started(work);
        }
        Context context = vertx.getOrCreateContext();
        Promise<T> result = Promise.promise();
        context.runOnContext(start -> started(work).onComplete(result));
        return result.future();
    }

    /** The work's future, or its exception as a failed one: a caller must never wait forever. */
    private static <T> Future<T> started(Supplier<Future<T>> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }
}
