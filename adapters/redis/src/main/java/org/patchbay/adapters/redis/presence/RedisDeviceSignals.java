package org.patchbay.adapters.redis.presence;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.EventBusHandler;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import org.patchbay.core.json.Json;
import org.patchbay.core.presence.DeviceSignals;
import org.patchbay.core.sid.Sids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signals to client sockets through Redis pub/sub: each node listens on {@code {prefix}presence:node:{nodeId}}.
 * A signal is a hint (a call is ringing you), so one published while the node's subscription was
 * down is simply lost, as it would be for a client whose socket dropped at that moment.
 */
public final class RedisDeviceSignals implements DeviceSignals {
    private static final Logger LOG = LoggerFactory.getLogger(RedisDeviceSignals.class);

    private final Vertx vertx;
    private final Redis publisher;
    private final Redis subscriber;
    private final String prefix;
    private final String nodeId;
    private final String busAddress = "patchbay.device-signals." + Sids.secret();
    private Handler<Signal> handler = signal -> { };
    private MessageConsumer<JsonObject> consumer;
    private RedisConnection subscription;
    private boolean closed;

    public RedisDeviceSignals(Vertx vertx, String connectionString, String prefix, String nodeId) {
        this.vertx = vertx;
        this.publisher = Redis.createClient(vertx, new RedisOptions().setConnectionString(connectionString));
        this.subscriber = Redis.createClient(vertx, new RedisOptions().setConnectionString(connectionString));
        this.prefix = prefix;
        this.nodeId = nodeId;
    }

    private String channel(String node) {
        return prefix + "presence:node:" + node;
    }

    @Override
    public void send(String node, Signal signal) {
        publisher.send(Request.cmd(Command.PUBLISH).arg(channel(node)).arg(Json.write(signal)))
                .onFailure(e -> LOG.warn("signal to node {} lost: {}", node, e.getMessage()));
    }

    @Override
    public void receive(Handler<Signal> newHandler) {
        this.handler = newHandler;
        consumer = vertx.eventBus().localConsumer(busAddress + "." + channel(nodeId), message -> {
            JsonObject value = message.body().getJsonObject("value");
            if ("message".equals(message.body().getString("type")) && value != null) {
                handler.handle(Json.read(value.getString("message"), Signal.class));
            }
        });
        subscribe();
    }

    private void subscribe() {
        subscriber.connect().compose(connection -> {
            subscription = connection;
            connection.handler(EventBusHandler.create(vertx, busAddress));
            connection.endHandler(ended -> resubscribeLater());
            connection.exceptionHandler(error -> LOG.warn("device signal subscription: {}", error.getMessage()));
            return connection.send(Request.cmd(Command.SUBSCRIBE).arg(channel(nodeId)));
        }).onFailure(e -> resubscribeLater());
    }

    private void resubscribeLater() {
        if (!closed) {
            vertx.setTimer(1_000, id -> subscribe());
        }
    }

    @Override
    public Future<Void> close() {
        closed = true;
        if (consumer != null) {
            consumer.unregister();
        }
        if (subscription != null) {
            subscription.close();
        }
        return publisher.close().compose(v -> subscriber.close());
    }
}
