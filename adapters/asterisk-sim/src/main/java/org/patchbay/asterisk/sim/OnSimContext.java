package org.patchbay.asterisk.sim;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.function.Supplier;

/**
 * A test's request to the simulator, run on the simulator's own context (where all of its state lives) and
 * answered on the caller's context, so a test's Vert.x code never touches the simulator's thread.
 */
final class OnSimContext {
    private OnSimContext() {
    }

    static <T> Future<T> run(Context simContext, Supplier<Future<T>> action) {
        if (simContext == null) {
            return Future.failedFuture(new IllegalStateException("the simulated Asterisk is not started"));
        }
        Context caller = Vertx.currentContext();
        Promise<T> result = Promise.promise();
        simContext.runOnContext(ignored -> {
            Future<T> outcome;
            try {
                outcome = action.get();
            } catch (RuntimeException failure) {
                outcome = Future.failedFuture(failure);
            }
            outcome.onComplete(done -> {
                if (caller == null || caller == simContext) {
                    result.handle(done);
                } else {
                    caller.runOnContext(back -> result.handle(done));
                }
            });
        });
        return result.future();
    }
}
