package org.patchbay.core.webhook;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the webhooks still being delivered (their retries included), so that a node shutting down
 * can wait for its calls' final callbacks before it closes its HTTP client.
 */
public final class InFlightWebhooks implements WebhookSender {
    private final WebhookSender delegate;
    private final AtomicInteger inFlight = new AtomicInteger();

    public InFlightWebhooks(WebhookSender delegate) {
        this.delegate = delegate;
    }

    @Override
    public Future<WebhookOutcome> send(Webhook webhook) {
        inFlight.incrementAndGet();
        return delegate.send(webhook).onComplete(done -> inFlight.decrementAndGet());
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Completes once no webhook is being delivered, or after {@code patience} (checked every 50 ms). */
    public Future<Void> idle(Vertx vertx, Duration patience) {
        Promise<Void> idle = Promise.promise();
        long deadline = System.nanoTime() + patience.toNanos();
        check(vertx, idle, deadline);
        return idle.future();
    }

    private void check(Vertx vertx, Promise<Void> idle, long deadline) {
        if (inFlight.get() == 0 || System.nanoTime() >= deadline) {
            idle.complete();
        } else {
            vertx.setTimer(50, id -> check(vertx, idle, deadline));
        }
    }
}
