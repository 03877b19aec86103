package org.patchbay.adapters.redis;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.EventBusHandler;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import org.patchbay.core.node.CallCommand;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.node.NodeBus;
import org.patchbay.core.node.NodeReply;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.json.Json;
import org.patchbay.core.sid.Sids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Nodes reach each other through Redis pub/sub: each node listens on {@code {prefix}node:{nodeId}}
 * and publishes its commands there with a reply channel of its own. A PUBLISH that no one receives
 * means the node is gone, which fails at once; a node that receives but does not answer in time
 * fails the command after {@code timeout}.
 */
public final class RedisNodeBus implements NodeBus {
    private static final Logger LOG = LoggerFactory.getLogger(RedisNodeBus.class);

    private final Vertx vertx;
    private final Redis publisher;
    private final Redis subscriber;
    private final String prefix;
    private final String nodeId;
    private final Duration timeout;
    private final String busAddress;
    private final Map<String, Promise<NodeReply>> waiting = new ConcurrentHashMap<>();
    private Function<CallCommand, Future<NodeReply>> handler = command -> Future.failedFuture(NodeBus.unreachable(command));
    private RedisConnection subscription;
    private MessageConsumer<JsonObject> consumer;
    private boolean closed;

    public RedisNodeBus(Vertx vertx, String connectionString, String prefix, String nodeId, Duration timeout) {
        this.vertx = vertx;
        this.publisher = Redis.createClient(vertx, new RedisOptions().setConnectionString(connectionString));
        this.subscriber = Redis.createClient(vertx, new RedisOptions().setConnectionString(connectionString));
        this.prefix = prefix;
        this.nodeId = nodeId;
        this.timeout = timeout;
        this.busAddress = "patchbay.node-bus." + Sids.secret();
    }

    private String inbox(String node) {
        return prefix + "node:" + node;
    }

    @Override
    public Future<Void> serve(Function<CallCommand, Future<NodeReply>> commands) {
        this.handler = commands;
        consumer = vertx.eventBus().localConsumer(busAddress + "." + inbox(nodeId), message -> {
            JsonObject value = message.body().getJsonObject("value");
            if ("message".equals(message.body().getString("type")) && value != null) {
                received(new JsonObject(value.getString("message")));
            }
        });
        return subscribe();
    }

    /** A dedicated connection in subscriber mode; it is re-established if Redis restarts. */
    private Future<Void> subscribe() {
        return subscriber.connect().compose(connection -> {
            subscription = connection;
            connection.handler(EventBusHandler.create(vertx, busAddress));
            connection.endHandler(ended -> resubscribeLater());
            connection.exceptionHandler(error -> LOG.warn("node bus subscription: {}", error.getMessage()));
            return connection.send(Request.cmd(Command.SUBSCRIBE).arg(inbox(nodeId)));
        }).<Void>mapEmpty().onFailure(e -> resubscribeLater());
    }

    private void resubscribeLater() {
        if (!closed) {
            vertx.setTimer(1_000, id -> subscribe());
        }
    }

    private void received(JsonObject envelope) {
        if (envelope.containsKey("reply")) {
            Promise<NodeReply> promise = waiting.remove(envelope.getString("id"));
            if (promise != null) {
                settle(promise, envelope.getJsonObject("reply"));
            }
            return;
        }
        CallCommand command = Json.read(envelope.getJsonObject("command").encode(), CallCommand.class);
        handler.apply(command).onComplete(done -> {
            JsonObject reply = done.succeeded()
                    ? new JsonObject().put("record", done.result().call() == null ? null : new JsonObject(Json.write(done.result().call())))
                            .put("detail", new JsonObject(new LinkedHashMap<>(done.result().detail())))
                    : failure(done.cause());
            publish(envelope.getString("from"), new JsonObject().put("id", envelope.getString("id")).put("reply", reply));
        });
    }

    @Override
    public Future<NodeReply> send(String node, CallCommand command) {
        String id = Sids.secret();
        Promise<NodeReply> answer = Promise.promise();
        waiting.put(id, answer);
        long timer = vertx.setTimer(timeout.toMillis(), t -> {
            if (waiting.remove(id) != null) {
                answer.tryFail(NodeBus.unreachable(command));
            }
        });
        JsonObject envelope = new JsonObject().put("id", id).put("from", nodeId)
                .put("command", new JsonObject(Json.write(command)));
        publish(node, envelope).onComplete(published -> {
            if (published.failed() || published.result() == 0) {
                vertx.cancelTimer(timer);
                waiting.remove(id);
                answer.tryFail(NodeBus.unreachable(command));
            }
        });
        return answer.future();
    }

    /** @return how many nodes received it */
    private Future<Integer> publish(String node, JsonObject envelope) {
        return publisher.send(Request.cmd(Command.PUBLISH).arg(inbox(node)).arg(envelope.encode()))
                .map(response -> response == null ? 0 : response.toInteger());
    }

    private static JsonObject failure(Throwable cause) {
        if (cause instanceof PatchbayException known) {
            return new JsonObject().put("status", known.httpStatus()).put("code", known.code()).put("message", known.getMessage());
        }
        return new JsonObject().put("status", 500).put("code", ErrorCode.INTERNAL_FAILURE.code())
                .put("message", String.valueOf(cause.getMessage()));
    }

    private static void settle(Promise<NodeReply> promise, JsonObject reply) {
        if (reply.containsKey("record")) {
            Map<String, String> detail = new LinkedHashMap<>();
            reply.getJsonObject("detail", new JsonObject()).forEach(field -> detail.put(field.getKey(), String.valueOf(field.getValue())));
            JsonObject record = reply.getJsonObject("record");
            promise.tryComplete(new NodeReply(record == null ? null : Json.read(record.encode(), CallRecord.class), detail));
            return;
        }
        int code = reply.getInteger("code", ErrorCode.INTERNAL_FAILURE.code());
        ErrorCode errorCode = ErrorCode.INTERNAL_FAILURE;
        for (ErrorCode candidate : ErrorCode.values()) {
            if (candidate.code() == code) {
                errorCode = candidate;
                break;
            }
        }
        promise.tryFail(new PatchbayException(reply.getInteger("status", 500), errorCode, reply.getString("message")));
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
