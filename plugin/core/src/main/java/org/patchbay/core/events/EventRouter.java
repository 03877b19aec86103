package org.patchbay.core.events;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import org.patchbay.core.call.Cancellable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * The event router's entry and exit: every published event goes to this process's listeners
 * ({@link LocalEvents}) at once and into the {@link EventLog}, which gives it its id and sequence, keeps it
 * for its retention and hands it to every consumer group and live tail, on this node or any other.
 * Publishing never waits and never fails the publisher: an event the log refuses is logged and lost.
 */
public final class EventRouter implements EventPublisher, EventFeed {
    private static final Logger LOG = LoggerFactory.getLogger(EventRouter.class);

    private final EventLog log;
    private final EventPublisher local;
    private final String source;

    /** @param source this node's id: the events' {@code source} */
    public EventRouter(EventLog log, EventPublisher local, String source) {
        this.log = log;
        this.local = local;
        this.source = source;
    }

    @Override
    public void publish(PlatformEvent event) {
        local.publish(event);
        log.append(EventDraft.of(event, source))
                .onFailure(e -> LOG.warn("event {} of {} not logged: {}", event.type().name(), event.subject(), e.getMessage()));
    }

    @Override
    public Cancellable consumeInSteps(String group, Function<RoutedEvent, EventHandling> handler) {
        return log.consumeInSteps(group, handler);
    }

    @Override
    public Cancellable tail(Handler<RoutedEvent> handler) {
        return log.tail(handler);
    }

    /** The log itself, for readers that replay (a live stream's {@code since}). */
    public EventLog log() {
        return log;
    }

    public String source() {
        return source;
    }
}
