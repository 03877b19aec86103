package org.patchbay.adapters.redis.events;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.patchbay.core.events.EventHandling;
import org.patchbay.adapters.redis.LuaScript;
import org.patchbay.adapters.redis.RedisCommands;
import org.patchbay.core.events.Backoff;
import org.patchbay.core.events.OrderedDelivery;
import org.patchbay.core.events.RoutedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Reads one partition for one consumer group on this node, but only while it holds the partition's lease:
 * one reader in the cluster per group and partition, so a call's events reach the consumer one after the
 * other. On taking the lease it first claims (XAUTOCLAIM) what earlier holders read and never acknowledged
 * (a node that died, or this node before a restart), oldest first, then reads new entries (XREADGROUP);
 * each event is acknowledged (XACK) once the consumer's handler succeeded.
 */
final class PartitionReader {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionReader.class);
    private static final LuaScript LEASE = LuaScript.resource(PartitionReader.class, "lease.lua");
    private static final LuaScript RELEASE = LuaScript.resource(PartitionReader.class, "release.lua");
    private static final Backoff RETRY = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30));
    private static final int BATCH = 100;
    private static final String START = "0-0";

    private final Vertx vertx;
    private final Context context;
    private final RedisCommands redis;
    private final StreamKeys keys;
    private final RecentEvents recent;
    private final String group;
    private final int partition;
    private final String holder;
    private final Function<RoutedEvent, EventHandling> handler;
    private final ReaderTiming timing;
    private OrderedDelivery delivery;
    private String claimCursor;
    private long renewedAt;
    private boolean busy;
    private boolean wanted;
    private boolean stopped;
    private long timer = -1;

    PartitionReader(Vertx vertx, Context context, RedisCommands redis, StreamKeys keys, RecentEvents recent, String group, int partition,
                    String holder, Function<RoutedEvent, EventHandling> handler, ReaderTiming timing) {
        this.vertx = vertx;
        this.context = context;
        this.redis = redis;
        this.keys = keys;
        this.recent = recent;
        this.group = group;
        this.partition = partition;
        this.holder = holder;
        this.handler = handler;
        this.timing = timing;
    }

    int partition() {
        return partition;
    }

    /** Creates the group at the stream's end if it does not exist yet (a new consumer starts with what follows). */
    Future<Void> start() {
        return createGroup().onComplete(done -> context.runOnContext(v -> tick()));
    }

    /** Something was appended to this partition: read now rather than at the next poll. */
    void wake() {
        context.runOnContext(v -> tick());
    }

    Future<Void> stop() {
        return Future.<Void>future(promise -> context.runOnContext(v -> {
            stopped = true;
            vertx.cancelTimer(timer);
            dropDelivery();
            promise.complete();
        })).compose(v -> RELEASE.run(redis, List.of(keys.lease(group, partition)), List.of(holder)).<Void>mapEmpty())
                .recover(e -> Future.succeededFuture());
    }

    private void tick() {
        if (stopped) {
            return;
        }
        if (busy) {
            wanted = true;
            return;
        }
        busy = true;
        wanted = false;
        vertx.cancelTimer(timer);
        step().onComplete(result -> context.runOnContext(v -> {
            busy = false;
            if (result.failed()) {
                LOG.debug("reading partition {} for {}: {}", partition, group, result.cause().getMessage());
                if (String.valueOf(result.cause().getMessage()).startsWith("NOGROUP")) {
                    createGroup();
                }
            }
            boolean more = result.succeeded() && result.result();
            if (more || wanted) {
                tick();
            } else if (!stopped) {
                long delay = delivery == null ? timing.leaseTtl().toMillis() / 3 : timing.idlePoll().toMillis();
                timer = vertx.setTimer(delay, t -> tick());
            }
        }));
    }

    /** One look at the partition; true when there may be more to read at once. */
    private Future<Boolean> step() {
        long now = System.currentTimeMillis();
        if (delivery == null || now - renewedAt > timing.leaseTtl().toMillis() / 3) {
            return LEASE.run(redis, List.of(keys.lease(group, partition)), List.of(holder, String.valueOf(timing.leaseTtl().toMillis())))
                    .compose(held -> onContext(() -> {
                        if (held.toInteger() != 1) {
                            dropDelivery();
                            return Future.succeededFuture(false);
                        }
                        renewedAt = now;
                        if (delivery == null) {
                            delivery = new OrderedDelivery(vertx, context, handler, this::acknowledge, RETRY);
                            claimCursor = START;
                        }
                        return read();
                    }));
        }
        return read();
    }

    private Future<Boolean> read() {
        OrderedDelivery reading = delivery;
        int room = Math.min(BATCH, timing.window() - reading.pending());
        if (stopped || room <= 0) {
            return Future.succeededFuture(false);
        }
        String stream = keys.stream(partition);
        if (claimCursor != null) {
            return redis.send(Request.cmd(Command.XAUTOCLAIM).arg(stream).arg(group).arg(holder).arg(0).arg(claimCursor)
                            .arg("COUNT").arg(room))
                    .compose(reply -> onContext(() -> {
                        claimCursor = START.equals(reply.get(0).toString()) ? null : reply.get(0).toString();
                        offer(reading, reply.get(1));
                        return Future.succeededFuture(true);
                    }));
        }
        return redis.send(Request.cmd(Command.XREADGROUP).arg("GROUP").arg(group).arg(holder).arg("COUNT").arg(room)
                        .arg("STREAMS").arg(stream).arg(">"))
                .compose(reply -> onContext(() -> {
                    if (reply == null) {
                        return Future.succeededFuture(false);
                    }
                    int count = offer(reading, StreamReplies.entriesOf(reply, stream));
                    return Future.succeededFuture(count == room);
                }));
    }

    private int offer(OrderedDelivery reading, Response entries) {
        if (entries == null || reading != delivery) {
            return 0;
        }
        int count = 0;
        for (Response entry : entries) {
            count++;
            RoutedEvent event = recent.decode(partition, entry);
            if (event != null) {
                reading.offer(event);
            }
        }
        return count;
    }

    private void acknowledge(RoutedEvent event) {
        String entryId = event.id().substring(event.id().indexOf('-') + 1);
        redis.send(Request.cmd(Command.XACK).arg(keys.stream(partition)).arg(group).arg(entryId))
                .onFailure(e -> LOG.debug("ack of {} failed, it will be handed over again: {}", event.id(), e.getMessage()));
        int pending = delivery == null ? -1 : delivery.pending();
        if (pending == 0 || pending == timing.window() / 2 - 1) {
            tick();
        }
    }

    private Future<Void> createGroup() {
        return redis.send(Request.cmd(Command.XGROUP).arg("CREATE").arg(keys.stream(partition)).arg(group).arg("$").arg("MKSTREAM"))
                .<Void>mapEmpty()
                .recover(e -> String.valueOf(e.getMessage()).startsWith("BUSYGROUP")
                        ? Future.succeededFuture() : Future.failedFuture(e));
    }

    private void dropDelivery() {
        if (delivery != null) {
            delivery.stop();
            delivery = null;
            claimCursor = null;
        }
    }

    private <T> Future<T> onContext(java.util.function.Supplier<Future<T>> action) {
        if (Vertx.currentContext() == context) {
            return action.get();
        }
        return Future.<Future<T>>future(p -> context.runOnContext(v -> p.complete(action.get()))).compose(f -> f);
    }
}
