package org.patchbay.core.events.delivery;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.patchbay.core.events.EventHandling;
import org.patchbay.core.events.RoutedEvent;
import org.patchbay.core.events.sink.Batching;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Gathers one subscription's events for a batching webhook sink: a request goes out when {@code size} events
 * wait or the oldest has waited {@code maxWait}. Batches go out one after the other, so a call's events keep
 * their order; an event is taken once it is in a batch (unless ten batches already wait, when the consumer is
 * held back until the oldest is delivered) and settled once its batch is delivered or given up, so the log
 * keeps it until then. Runs on one context.
 */
final class SinkBatch {
    private static final int QUEUED_BATCHES = 10;

    private final Vertx vertx;
    private final Batching batching;
    private final Function<List<RoutedEvent>, Future<Void>> send;
    private List<RoutedEvent> open = new ArrayList<>();
    private Promise<Void> openDelivered = Promise.promise();
    private Future<Void> sending = Future.succeededFuture();
    private int queued;
    private long timer = -1;

    SinkBatch(Vertx vertx, Batching batching, Function<List<RoutedEvent>, Future<Void>> send) {
        this.vertx = vertx;
        this.batching = batching;
        this.send = send;
    }

    EventHandling add(RoutedEvent event) {
        open.add(event);
        Future<Void> delivered = openDelivered.future();
        if (open.size() >= batching.size()) {
            flush();
        } else if (open.size() == 1) {
            timer = vertx.setTimer(Math.max(1, batching.maxWait().toMillis()), t -> flush());
        }
        return new EventHandling(queued >= QUEUED_BATCHES ? sending : Future.succeededFuture(), delivered);
    }

    void flush() {
        vertx.cancelTimer(timer);
        if (open.isEmpty()) {
            return;
        }
        List<RoutedEvent> batch = open;
        Promise<Void> delivered = openDelivered;
        open = new ArrayList<>();
        openDelivered = Promise.promise();
        queued++;
        sending = sending.transform(previous -> send.apply(batch)).onComplete(done -> {
            queued--;
            delivered.handle(done);
        });
    }
}
