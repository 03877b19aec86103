package org.patchbay.adapters.redis.events;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.patchbay.core.events.EventHandling;
import org.patchbay.adapters.redis.RedisCommands;
import org.patchbay.core.call.Cancellable;
import org.patchbay.core.events.EventDraft;
import org.patchbay.core.events.EventLog;
import org.patchbay.core.events.RoutedEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The cluster's event log in Redis Streams. Events are spread over {@code partitions} streams by subject; a
 * Lua script gives each its subject's next sequence number and appends it in one step, so within a stream
 * the entries of a call stand in sequence order whichever node appended them, and each node issues one
 * partition's appends in order, in batches ({@link AppendBatches}). A consumer group exists once per stream; on each stream only the node holding
 * the group's lease reads ({@link PartitionReader}), which keeps every call's events in order for every
 * consumer while spreading partitions over nodes. Entries older than the retention are trimmed (MINID).
 */
public final class RedisEventLog implements EventLog {
    private static final AtomicLong READERS = new AtomicLong();

    private final Vertx vertx;
    private final RedisCommands redis;
    private final String connectionString;
    private final StreamKeys keys;
    private final String node;
    private final ReaderTiming timing;
    private final AppendBatches appends;
    private final RecentEvents recent = new RecentEvents();
    private final List<PartitionReader> readers = new CopyOnWriteArrayList<>();
    private final List<Tail> tails = new CopyOnWriteArrayList<>();
    private StreamTail tail;

    public RedisEventLog(Vertx vertx, String connectionString, String prefix, String node, int partitions,
                         Duration retention, ReaderTiming timing) {
        this.vertx = vertx;
        this.connectionString = connectionString;
        this.redis = new RedisCommands(Redis.createClient(vertx, new RedisOptions().setConnectionString(connectionString)
                .setMaxWaitingHandlers(10_000)), Duration.ofSeconds(5));
        this.keys = new StreamKeys(prefix, partitions);
        this.node = node;
        this.timing = timing;
        this.appends = new AppendBatches(redis, keys, retention);
    }

    @Override
    public Future<RoutedEvent> append(EventDraft draft) {
        int partition = keys.partitionOf(draft.subject());
        return appends.append(partition, draft)
                .onSuccess(recent::keep)
                .onSuccess(event -> readers.stream().filter(r -> r.partition() == partition).forEach(PartitionReader::wake));
    }

    @Override
    public Cancellable consumeInSteps(String group, Function<RoutedEvent, EventHandling> handler) {
        Context context = vertx.getOrCreateContext();
        String holder = node + "#" + READERS.incrementAndGet();
        List<PartitionReader> mine = new ArrayList<>();
        for (int p = 0; p < keys.partitions(); p++) {
            PartitionReader reader = new PartitionReader(vertx, context, redis, keys, recent, group, p, holder, handler, timing);
            mine.add(reader);
            readers.add(reader);
            reader.start();
        }
        return () -> mine.forEach(reader -> {
            readers.remove(reader);
            reader.stop();
        });
    }

    @Override
    public synchronized Cancellable tail(Handler<RoutedEvent> handler) {
        Tail entry = new Tail(vertx.getOrCreateContext(), handler);
        tails.add(entry);
        if (tail == null) {
            tail = new StreamTail(vertx, Redis.createClient(vertx, new RedisOptions().setConnectionString(connectionString)),
                    keys, recent, event -> tails.forEach(t -> t.context.runOnContext(v -> t.handler.handle(event))));
            tail.start();
        }
        return () -> tails.remove(entry);
    }

    /** Each partition's entries after the place the id names, merged in (entry id, partition) order. */
    @Override
    public Future<List<RoutedEvent>> after(String afterId, int limit) {
        EventEntries.Place from = EventEntries.place(afterId, keys.partitions());
        if (from == null) {
            return Future.failedFuture(new IllegalArgumentException("no event " + afterId + " in the log"));
        }
        List<Future<List<RoutedEvent>>> reads = new ArrayList<>();
        for (int p = 0; p < keys.partitions(); p++) {
            String start = (p > from.partition() ? "" : "(") + from.entryId();
            int partition = p;
            reads.add(redis.send(Request.cmd(Command.XRANGE).arg(keys.stream(p)).arg(start).arg("+").arg("COUNT").arg(limit))
                    .map(entries -> decodeAll(partition, entries)));
        }
        return Future.all(reads).map(all -> {
            List<RoutedEvent> merged = new ArrayList<>();
            reads.forEach(read -> merged.addAll(read.result()));
            merged.sort(Comparator.comparing(e -> EventEntries.place(e.id(), keys.partitions())));
            return merged.size() > limit ? List.copyOf(merged.subList(0, limit)) : merged;
        });
    }

    @Override
    public Future<Void> close() {
        List<Future<Void>> stopping = new ArrayList<>();
        readers.forEach(reader -> stopping.add(reader.stop()));
        readers.clear();
        tails.clear();
        if (tail != null) {
            stopping.add(tail.stop());
        }
        return Future.join(stopping).transform(v -> redis.close());
    }

    private List<RoutedEvent> decodeAll(int partition, Response entries) {
        List<RoutedEvent> events = new ArrayList<>();
        if (entries != null) {
            for (Response entry : entries) {
                RoutedEvent event = recent.decode(partition, entry);
                if (event != null) {
                    events.add(event);
                }
            }
        }
        return events;
    }

    private record Tail(Context context, Handler<RoutedEvent> handler) {
    }
}
