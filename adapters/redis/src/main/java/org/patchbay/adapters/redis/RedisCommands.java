package org.patchbay.adapters.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Redis client as the stores use it. The client takes a pooled connection per command and
 * drops connections that closed, so commands after a Redis restart reconnect by themselves;
 * what it does not do is give up on a server that accepted the command and never answers, so
 * every command here gets a reply or a failure within the timeout.
 */
public final class RedisCommands {
    private final Redis client;
    private final Duration timeout;

    public RedisCommands(Redis client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    public Future<Response> send(Request request) {
        return client.send(request)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .recover(this::explainTimeout);
    }

    public Future<Response> eval(LuaScript script, List<String> keys, List<String> args) {
        return script.run(this, keys, args);
    }

    public Future<Void> close() {
        return client.close();
    }

    private Future<Response> explainTimeout(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return Future.failedFuture(new TimeoutException("no reply within " + timeout.toMillis() + " ms"));
        }
        return Future.failedFuture(failure);
    }
}
