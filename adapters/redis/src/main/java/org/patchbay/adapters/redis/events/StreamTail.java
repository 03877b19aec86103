package org.patchbay.adapters.redis.events;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.patchbay.core.events.RoutedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * Follows every partition live (XREAD BLOCK on a connection of its own, since a blocked connection serves
 * nothing else) from the moment it starts, and hands each new event on. After a lost connection it picks up
 * where it was, as far as the streams still hold it.
 */
final class StreamTail {
    private static final Logger LOG = LoggerFactory.getLogger(StreamTail.class);
    private static final int COUNT = 500;
    private static final int BLOCK_MILLIS = 1_000;
    private static final long RECONNECT_MILLIS = 1_000;

    private final Vertx vertx;
    private final Redis client;
    private final StreamKeys keys;
    private final RecentEvents recent;
    private final Consumer<RoutedEvent> fanOut;
    private final String[] last;
    private RedisConnection connection;
    private boolean stopped;

    StreamTail(Vertx vertx, Redis client, StreamKeys keys, RecentEvents recent, Consumer<RoutedEvent> fanOut) {
        this.vertx = vertx;
        this.client = client;
        this.keys = keys;
        this.recent = recent;
        this.fanOut = fanOut;
        this.last = new String[keys.partitions()];
    }

    Future<Void> start() {
        return connect();
    }

    Future<Void> stop() {
        stopped = true;
        RedisConnection open = connection;
        connection = null;
        Future<Void> closed = open == null ? Future.succeededFuture() : open.close();
        return closed.transform(v -> client.close());
    }

    private Future<Void> connect() {
        return client.connect().compose(opened -> {
            connection = opened;
            opened.exceptionHandler(e -> LOG.debug("event tail connection: {}", e.getMessage()));
            return last[0] != null ? Future.succeededFuture() : opened.send(Request.cmd(Command.TIME)).map(time -> {
                long millis = time.get(0).toLong() * 1000 + time.get(1).toLong() / 1000;
                java.util.Arrays.fill(last, millis + "-0");
                return null;
            });
        }).<Void>mapEmpty().onSuccess(v -> vertx.runOnContext(x -> read())).onFailure(e -> retry());
    }

    private void read() {
        RedisConnection open = connection;
        if (stopped || open == null) {
            return;
        }
        Request request = Request.cmd(Command.XREAD).arg("COUNT").arg(COUNT).arg("BLOCK").arg(BLOCK_MILLIS).arg("STREAMS");
        for (int p = 0; p < last.length; p++) {
            request.arg(keys.stream(p));
        }
        for (String id : last) {
            request.arg(id);
        }
        open.send(request).onSuccess(reply -> {
            handOn(reply);
            read();
        }).onFailure(e -> {
            LOG.debug("event tail read failed: {}", e.getMessage());
            open.close();
            connection = null;
            retry();
        });
    }

    private void handOn(Response reply) {
        for (int p = 0; p < last.length; p++) {
            Response entries = StreamReplies.entriesOf(reply, keys.stream(p));
            if (entries == null) {
                continue;
            }
            for (Response entry : entries) {
                last[p] = entry.get(0).toString();
                RoutedEvent event = recent.decode(p, entry);
                if (event != null) {
                    fanOut.accept(event);
                }
            }
        }
    }

    private void retry() {
        if (!stopped) {
            vertx.setTimer(RECONNECT_MILLIS, t -> connect());
        }
    }
}
