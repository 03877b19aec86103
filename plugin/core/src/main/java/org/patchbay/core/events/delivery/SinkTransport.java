package org.patchbay.core.events.delivery;

import io.vertx.core.Future;
import org.patchbay.core.events.RoutedEvent;
import org.patchbay.core.events.sink.Sink;

import java.util.List;

/**
 * Hands events to one kind of sink (an HTTP endpoint, a Redis stream, a RabbitMQ exchange). The future
 * succeeds once the sink has taken them all and fails otherwise; retrying is the caller's business.
 */
public interface SinkTransport {

    /** @param signingKey the sink's account's auth token, which signs webhook requests */
    Future<Void> send(Sink sink, String signingKey, List<RoutedEvent> events);

    Future<Void> close();
}
