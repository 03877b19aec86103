package org.patchbay.adapters.http;

import io.vertx.core.Future;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Waits on the JUnit thread for a future to complete, within a bound. */
final class Await {
    private static final long SECONDS = 20;

    private Await() {
    }

    static <T> T result(Future<T> future) {
        completion(future);
        if (future.failed()) {
            throw new AssertionError("expected success, got " + future.cause(), future.cause());
        }
        return future.result();
    }

    static <E extends Throwable> E failure(Future<?> future, Class<E> type) {
        completion(future);
        if (future.succeeded()) {
            fail("expected a " + type.getSimpleName() + ", got success: " + future.result());
        }
        assertTrue(type.isInstance(future.cause()), () -> "expected a " + type.getSimpleName() + ", got " + future.cause());
        return type.cast(future.cause());
    }

    private static void completion(Future<?> future) {
        CountDownLatch done = new CountDownLatch(1);
        future.onComplete(ignored -> done.countDown());
        try {
            if (!done.await(SECONDS, TimeUnit.SECONDS)) {
                fail("not completed within " + SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
