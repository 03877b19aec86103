package org.patchbay.adapters.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The Redis client as the stores use it: commands are pipelined on a few long-lived connections rather than
 * each taking a pooled connection for its round trip, which under load queued commands behind the pool and
 * timed them out while Redis itself sat idle. A connection that closes, fails or leaves a command unanswered
 * past the timeout is dropped and the next command opens a fresh one, so commands after a Redis restart or a
 * hung server reconnect by themselves, and every command gets a reply or a failure within the timeout.
 *
 * <p>Only commands that leave the connection as they found it belong here: nothing blocking (XREAD BLOCK),
 * no MULTI/WATCH, no SUBSCRIBE; those take a connection of their own. How many commands may wait for their
 * replies on one connection is the client's {@code maxWaitingHandlers}; past it a command fails at once.
 */
public final class RedisCommands {
    private static final int CONNECTIONS = 2;

    private final Redis client;
    private final Duration timeout;
    private final AtomicReferenceArray<Future<RedisConnection>> connections = new AtomicReferenceArray<>(CONNECTIONS);
    private final AtomicInteger next = new AtomicInteger();

    public RedisCommands(Redis client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    public Future<Response> send(Request request) {
        int slot = openSlot();
        Future<RedisConnection> connection = connection(slot);
        return connection.compose(open -> open.send(request))
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .recover(failure -> {
                    if (failure instanceof TimeoutException || connection.failed()) {
                        drop(slot, connection);
                    }
                    return Future.failedFuture(failure instanceof TimeoutException
                            ? new TimeoutException("no reply within " + timeout.toMillis() + " ms") : failure);
                });
    }

    public Future<Response> eval(LuaScript script, List<String> keys, List<String> args) {
        return script.run(this, keys, args);
    }

    public Future<Void> close() {
        for (int slot = 0; slot < CONNECTIONS; slot++) {
            Future<RedisConnection> connection = connections.getAndSet(slot, null);
            if (connection != null) {
                connection.onSuccess(RedisConnection::close);
            }
        }
        return client.close();
    }

    /**
     * The next connection in turn that is open; while one is still being opened the commands go to one that is,
     * so no command waits for a connect another connection could have spared it. With none open, the next in turn.
     */
    private int openSlot() {
        int first = Math.floorMod(next.getAndIncrement(), CONNECTIONS);
        Future<RedisConnection> turn = connections.get(first);
        if (turn != null && turn.failed()) {
            connections.compareAndSet(first, turn, null);
        }
        for (int k = 0; k < CONNECTIONS; k++) {
            int slot = (first + k) % CONNECTIONS;
            Future<RedisConnection> connection = connections.get(slot);
            if (connection != null && connection.succeeded()) {
                if (slot != first) {
                    connection(first);
                }
                return slot;
            }
        }
        return first;
    }

    private Future<RedisConnection> connection(int slot) {
        Future<RedisConnection> current = connections.get(slot);
        if (current != null) {
            return current;
        }
        Future<RedisConnection> opening = client.connect();
        if (!connections.compareAndSet(slot, null, opening)) {
            opening.onSuccess(RedisConnection::close);
            return connections.get(slot) != null ? connections.get(slot) : opening;
        }
        opening.onSuccess(open -> open.exceptionHandler(e -> drop(slot, opening)).endHandler(v -> drop(slot, opening)));
        return opening;
    }

    /**
     * Forgets a connection that could not be opened, closed, failed, or left a command unanswered (an error reply
     * such as NOSCRIPT, or a full waiting queue, keeps it). It is closed, so replies still owed on it fail rather
     * than arrive late.
     */
    private void drop(int slot, Future<RedisConnection> connection) {
        if (connections.compareAndSet(slot, connection, null) && connection.succeeded()) {
            connection.result().close();
        }
    }
}
