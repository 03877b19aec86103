package org.patchbay.server.node;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.patchbay.adapters.redis.RedisNodeBus;
import org.patchbay.adapters.redis.node.RedisNodeLiveness;
import org.patchbay.core.call.CallRouter;
import org.patchbay.core.call.LiveCallService;
import org.patchbay.core.events.EventPublisher;
import org.patchbay.core.node.NodeBus;
import org.patchbay.core.node.NodeCallLedger;
import org.patchbay.core.node.NodeDrain;
import org.patchbay.core.node.NodeHeartbeat;
import org.patchbay.core.node.SilentNodeSweep;
import org.patchbay.core.store.Store;
import org.patchbay.core.webhook.InFlightWebhooks;
import org.patchbay.server.config.PatchbayConfig;
import org.patchbay.server.config.Setting;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Liveness and draining of this node. With Redis, the node beats, lists its calls and settles the
 * calls of nodes that stopped beating; with the in-memory store it is the only node and has no one to
 * watch. Draining works either way.
 */
public final class NodeWiring {
    private final NodeDrain drain;
    private final Duration drainTime;

    private NodeWiring(NodeDrain drain, Duration drainTime) {
        this.drain = drain;
        this.drainTime = drainTime;
    }

    /** How this node reaches the others: over Redis when there is one, else no one to reach. */
    public static NodeBus bus(Vertx vertx, PatchbayConfig config, String node) {
        return config.redisUrl() == null ? NodeBus.alone()
                : new RedisNodeBus(vertx, config.redisUrl(), config.redisPrefix(), node, Duration.ofSeconds(5));
    }

    public static NodeWiring start(Vertx vertx, PatchbayConfig config, String node, Store store, CallRouter calls,
                                   LiveCallService liveCalls, InFlightWebhooks webhooks, EventPublisher events,
                                   List<Supplier<Future<?>>> closers) {
        if (config.redisUrl() != null) {
            RedisNodeLiveness liveness = new RedisNodeLiveness(vertx, config.redisUrl(), config.redisPrefix(), Duration.ofSeconds(5));
            closers.add(liveness::close);
            calls.track(new NodeCallLedger(liveness, node));
            NodeHeartbeat heartbeat = new NodeHeartbeat(vertx, liveness, new SilentNodeSweep(liveness, store, webhooks, events, node),
                    node, config.settings().duration(Setting.NODE_EXPIRY));
            heartbeat.start();
            closers.add(() -> {
                heartbeat.stop();
                return Future.succeededFuture();
            });
        }
        return new NodeWiring(new NodeDrain(vertx, calls, liveCalls, webhooks), config.settings().duration(Setting.DRAIN_TIME));
    }

    /** Stops taking calls, lets the live ones run for the drain time, ends the rest and waits for their callbacks. */
    public Future<Void> drain() {
        return drain.drain(drainTime);
    }
}
