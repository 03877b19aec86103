package org.patchbay.core.events.memory;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import org.patchbay.core.events.EventHandling;
import org.patchbay.core.call.Cancellable;
import org.patchbay.core.events.EventDraft;
import org.patchbay.core.events.EventLog;
import org.patchbay.core.events.RoutedEvent;
import org.patchbay.core.sid.Sids;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The event log of a single node, in memory: a ring of the last {@code capacity} events, none older than
 * the retention. Ids are this log's prefix (new on every start, so ids never repeat across restarts) and
 * the event's offset. A consumer group reads from where it stood, or from the end when it is new.
 */
public final class MemoryEventLog implements EventLog {
    private final Vertx vertx;
    private final Duration retention;
    private final RoutedEvent[] ring;
    private final String prefix = Sids.secret().substring(0, 8);
    private final SubjectSequences sequences;
    private final Map<String, MemoryGroup> groups = new ConcurrentHashMap<>();
    private final List<Tail> tails = new CopyOnWriteArrayList<>();
    private long first;
    private long next;

    public MemoryEventLog(Vertx vertx, int capacity, Duration retention) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the event log needs room for at least one event");
        }
        this.vertx = vertx;
        this.retention = retention;
        this.ring = new RoutedEvent[capacity];
        this.sequences = new SubjectSequences();
    }

    @Override
    public Future<RoutedEvent> append(EventDraft draft) {
        RoutedEvent event;
        synchronized (this) {
            expire(Instant.now());
            long offset = next++;
            event = draft.routed(prefix + "-" + offset, sequences.next(draft.subject()));
            ring[(int) (offset % ring.length)] = event;
            if (next - first > ring.length) {
                first = next - ring.length;
            }
        }
        groups.values().forEach(MemoryGroup::wake);
        for (Tail tail : tails) {
            tail.context.runOnContext(v -> tail.handler.handle(event));
        }
        return Future.succeededFuture(event);
    }

    @Override
    public Cancellable consumeInSteps(String group, Function<RoutedEvent, EventHandling> handler) {
        MemoryGroup members = groups.computeIfAbsent(group, name -> new MemoryGroup(vertx, this, end()));
        return members.join(vertx.getOrCreateContext(), handler);
    }

    @Override
    public Cancellable tail(Handler<RoutedEvent> handler) {
        Tail tail = new Tail(vertx.getOrCreateContext(), handler);
        tails.add(tail);
        return () -> tails.remove(tail);
    }

    @Override
    public synchronized Future<List<RoutedEvent>> after(String afterId, int limit) {
        long offset = offsetOf(afterId);
        if (offset < 0 || offset >= next) {
            return Future.failedFuture(new IllegalArgumentException("no event " + afterId + " in the log"));
        }
        expire(Instant.now());
        List<RoutedEvent> found = new ArrayList<>();
        for (long at = Math.max(offset + 1, first); at < next && found.size() < limit; at++) {
            found.add(ring[(int) (at % ring.length)]);
        }
        return Future.succeededFuture(found);
    }

    @Override
    public Future<Void> close() {
        groups.values().forEach(MemoryGroup::stop);
        tails.clear();
        return Future.succeededFuture();
    }

    /** The event at {@code offset}, or null when it has left the log (evicted or expired). */
    synchronized RoutedEvent at(long offset) {
        return offset >= first && offset < next ? ring[(int) (offset % ring.length)] : null;
    }

    /** The offset in an id this log gave, or -1 when the id is not one of this log's. */
    long offsetOf(String id) {
        String[] parts = id == null ? new String[0] : id.split("-", 2);
        try {
            return parts.length == 2 && parts[0].equals(prefix) ? Long.parseLong(parts[1]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    synchronized long end() {
        return next;
    }

    synchronized long start() {
        return first;
    }

    private void expire(Instant now) {
        Instant oldest = now.minus(retention);
        while (first < next && ring[(int) (first % ring.length)].time().isBefore(oldest)) {
            ring[(int) (first % ring.length)] = null;
            first++;
        }
        sequences.forgetBefore(oldest);
    }

    private record Tail(Context context, Handler<RoutedEvent> handler) {
    }
}
