package org.patchbay.core.events;

import io.vertx.core.Future;

import java.util.List;

/**
 * Where the event router keeps what was published, for a bounded time, and reads it back: in memory for
 * one node, in Redis Streams for a cluster. Appending assigns the event's id and its subject's next
 * sequence number; events of one subject are kept in the order they were appended.
 */
public interface EventLog extends EventFeed {

    Future<RoutedEvent> append(EventDraft draft);

    /**
     * Up to {@code limit} events appended after the one with id {@code afterId}, oldest first (a live stream
     * replaying what the log still holds). Fails with {@link IllegalArgumentException} for an id it cannot read.
     */
    Future<List<RoutedEvent>> after(String afterId, int limit);

    Future<Void> close();
}
