package org.patchbay.adapters.redis.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.patchbay.adapters.redis.LuaScript;
import org.patchbay.adapters.redis.RedisCommands;
import org.patchbay.core.json.Json;
import org.patchbay.core.node.NodeLiveness;
import org.patchbay.core.node.SilentNode;
import org.patchbay.core.node.TrackedCall;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Node heartbeats and each node's calls in Redis:
 * {@code {prefix}nodes:expiry} (sorted set: node by heartbeat expiry, epoch ms),
 * {@code {prefix}nodes:beat} (hash: node to its last beat) and
 * {@code {prefix}nodes:calls:{node}} (hash: call SID to the {@link TrackedCall} as JSON).
 * Times are Redis's own ({@code TIME} in the scripts), so the nodes' clocks need not agree.
 */
public final class RedisNodeLiveness implements NodeLiveness {
    private static final LuaScript BEAT = LuaScript.resource(RedisNodeLiveness.class, "beat.lua");
    private static final LuaScript SILENT = LuaScript.resource(RedisNodeLiveness.class, "silent.lua");
    private static final LuaScript CLAIM = LuaScript.resource(RedisNodeLiveness.class, "claim.lua");
    private static final LuaScript FORGET = LuaScript.resource(RedisNodeLiveness.class, "forget.lua");

    private final RedisCommands redis;
    private final String prefix;

    public RedisNodeLiveness(Vertx vertx, String connectionString, String prefix, Duration timeout) {
        this.redis = new RedisCommands(Redis.createClient(vertx, new RedisOptions().setConnectionString(connectionString)
                .setMaxPoolSize(2)), timeout);
        this.prefix = prefix;
    }

    @Override
    public Future<Void> beat(String node, Duration expiry) {
        return redis.eval(BEAT, List.of(expiries(), beats()), List.of(node, Long.toString(expiry.toMillis()))).mapEmpty();
    }

    @Override
    public Future<Void> track(String node, TrackedCall call) {
        return redis.send(Request.cmd(Command.HSET).arg(calls(node)).arg(call.callSid()).arg(json(call))).mapEmpty();
    }

    @Override
    public Future<Void> untrack(String node, String callSid) {
        return redis.send(Request.cmd(Command.HDEL).arg(calls(node)).arg(callSid)).mapEmpty();
    }

    @Override
    public Future<List<SilentNode>> silent() {
        return redis.eval(SILENT, List.of(expiries(), beats()), List.of()).map(reply -> {
            List<SilentNode> nodes = new ArrayList<>();
            for (int i = 0; i + 1 < reply.size(); i += 2) {
                nodes.add(new SilentNode(reply.get(i).toString(), Instant.ofEpochMilli(reply.get(i + 1).toLong())));
            }
            return nodes;
        });
    }

    @Override
    public Future<List<String>> trackedCalls(String node) {
        return redis.send(Request.cmd(Command.HKEYS).arg(calls(node))).map(reply -> {
            List<String> sids = new ArrayList<>(reply.size());
            reply.forEach(sid -> sids.add(sid.toString()));
            return sids;
        });
    }

    @Override
    public Future<TrackedCall> claim(String node, String callSid) {
        return redis.eval(CLAIM, List.of(expiries(), calls(node)), List.of(node, callSid)).map(RedisNodeLiveness::tracked);
    }

    @Override
    public Future<Void> forget(String node) {
        return redis.eval(FORGET, List.of(expiries(), beats(), calls(node)), List.of(node)).mapEmpty();
    }

    @Override
    public Future<Void> close() {
        return redis.close();
    }

    private String expiries() {
        return prefix + "nodes:expiry";
    }

    private String beats() {
        return prefix + "nodes:beat";
    }

    private String calls(String node) {
        return prefix + "nodes:calls:" + node;
    }

    private static String json(TrackedCall call) {
        try {
            return Json.MAPPER.writeValueAsString(call);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TrackedCall tracked(Response reply) {
        if (reply == null) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(reply.toString(), TrackedCall.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
