package org.patchbay.core.events;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one consumer's events through its handler in order per subject and side by side across subjects:
 * the next event of a call waits until the handler has taken the one before, which is retried with
 * {@link Backoff} until it is. Every method runs on the consumer's context; what the log reads is offered
 * here, and {@code done} hears each event once the handler settled it (to acknowledge it); one it took but
 * could not settle stays unacknowledged, for the log to hand over again.
 */
public final class OrderedDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(OrderedDelivery.class);
    private static final String NO_SUBJECT = "";

    private final Vertx vertx;
    private final Context context;
    private final Function<RoutedEvent, EventHandling> handler;
    private final Consumer<RoutedEvent> done;
    private final Backoff retry;
    private final Map<String, ArrayDeque<RoutedEvent>> lanes = new HashMap<>();
    private final Set<Long> timers = new HashSet<>();
    private int pending;
    private boolean stopped;

    public OrderedDelivery(Vertx vertx, Context context, Function<RoutedEvent, EventHandling> handler,
                           Consumer<RoutedEvent> done, Backoff retry) {
        this.vertx = vertx;
        this.context = context;
        this.handler = handler;
        this.done = done;
        this.retry = retry;
    }

    public void offer(RoutedEvent event) {
        if (stopped) {
            return;
        }
        pending++;
        String subject = event.subject() == null ? NO_SUBJECT : event.subject();
        ArrayDeque<RoutedEvent> lane = lanes.get(subject);
        if (lane != null) {
            lane.add(event);
            return;
        }
        lane = new ArrayDeque<>();
        lane.add(event);
        lanes.put(subject, lane);
        handOver(subject, lane, 0);
    }

    /** Events offered and not yet done: the reader offers more only while this stays under its window. */
    public int pending() {
        return pending;
    }

    public void stop() {
        stopped = true;
        timers.forEach(vertx::cancelTimer);
        timers.clear();
        lanes.clear();
    }

    private void handOver(String subject, ArrayDeque<RoutedEvent> lane, int attempt) {
        if (stopped) {
            return;
        }
        RoutedEvent head = lane.peek();
        EventHandling handling;
        try {
            handling = handler.apply(head);
        } catch (RuntimeException e) {
            handling = EventHandling.inOneStep(Future.failedFuture(e));
        }
        Future<Void> settled = handling.settled();
        // followed in a task of its own, so a handler that answers at once does not recurse down the lane
        handling.taken().onComplete(result -> context.runOnContext(v -> taken(subject, lane, head, attempt, result.cause(), settled)));
    }

    private void taken(String subject, ArrayDeque<RoutedEvent> lane, RoutedEvent head, int attempt, Throwable failure,
                       Future<Void> settled) {
        if (stopped) {
            return;
        }
        if (failure != null) {
            long delay = retry.delayMillis(attempt);
            LOG.debug("event {} not handled ({}), again in {} ms", head.id(), failure.getMessage(), delay);
            long[] timer = new long[1];
            timer[0] = vertx.setTimer(delay, t -> {
                timers.remove(timer[0]);
                handOver(subject, lane, attempt + 1);
            });
            timers.add(timer[0]);
            return;
        }
        lane.poll();
        if (lane.isEmpty()) {
            lanes.remove(subject);
        } else {
            handOver(subject, lane, 0);
        }
        settled.onComplete(result -> context.runOnContext(v -> {
            if (stopped) {
                return;
            }
            pending--;
            if (result.succeeded()) {
                done.accept(head);
            } else {
                LOG.debug("event {} taken but not settled ({}); left for the log to hand over again", head.id(),
                        result.cause().getMessage());
            }
        }));
    }
}
