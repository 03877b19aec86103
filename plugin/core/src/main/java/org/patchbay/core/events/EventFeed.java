package org.patchbay.core.events;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import org.patchbay.core.call.Cancellable;

import java.util.function.Function;

/**
 * Reading what the event router carries, for parts of Patchbay that act on events (usage counting,
 * presence views, the dashboard, sinks). With Redis it reads the cluster's log; in memory, this node's.
 */
public interface EventFeed {

    /**
     * Hands every event to {@code handler} at least once for the whole cluster per {@code group} (two nodes
     * consuming the same group share the work), in order per subject; an event is done when the handler's
     * future succeeds, and handed over again later when it fails or the node stops first.
     */
    default Cancellable consume(String group, Function<RoutedEvent, Future<Void>> handler) {
        return consumeInSteps(group, event -> EventHandling.inOneStep(handler.apply(event)));
    }

    /**
     * As {@link #consume}, for a consumer that lets the next event of a subject go before it is finished with
     * this one: an event is handed over again unless its {@link EventHandling#settled()} succeeds.
     */
    Cancellable consumeInSteps(String group, Function<RoutedEvent, EventHandling> handler);

    /** Hands every event published from now on, on any node, to {@code handler}; nothing is kept for it while it is away. */
    Cancellable tail(Handler<RoutedEvent> handler);
}
