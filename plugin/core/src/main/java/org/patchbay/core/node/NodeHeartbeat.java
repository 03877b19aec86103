package org.patchbay.core.node;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Keeps this node's heartbeat and looks for silent nodes: every third of the expiry it renews its
 * heartbeat, then sweeps. A node is thus settled between one and about one and a third expiries
 * after its last beat. One pass at a time: a slow store does not pile passes up.
 */
public final class NodeHeartbeat {
    private static final Logger LOG = LoggerFactory.getLogger(NodeHeartbeat.class);

    private final Vertx vertx;
    private final NodeLiveness liveness;
    private final SilentNodeSweep sweep;
    private final String node;
    private final Duration expiry;
    private long timer = -1;
    private boolean running;
    private boolean stopped;

    public NodeHeartbeat(Vertx vertx, NodeLiveness liveness, SilentNodeSweep sweep, String node, Duration expiry) {
        this.vertx = vertx;
        this.liveness = liveness;
        this.sweep = sweep;
        this.node = node;
        this.expiry = expiry;
    }

    /** Beats once now (so the node is known before its first call), then keeps beating. */
    public Future<Void> start() {
        long period = Math.max(100, expiry.toMillis() / 3);
        timer = vertx.setPeriodic(period, period, id -> pass());
        return liveness.beat(node, expiry)
                .onFailure(e -> LOG.warn("cannot write this node's heartbeat: {}", e.getMessage()))
                .recover(e -> Future.succeededFuture());
    }

    private void pass() {
        if (running || stopped) {
            return;
        }
        running = true;
        liveness.beat(node, expiry)
                .onFailure(e -> LOG.warn("cannot renew this node's heartbeat: {}", e.getMessage()))
                .compose(v -> sweep.sweep())
                .onSuccess(settled -> {
                    if (settled > 0) {
                        LOG.info("settled {} calls of silent nodes", settled);
                    }
                })
                .onFailure(e -> LOG.warn("cannot look for silent nodes: {}", e.getMessage()))
                .onComplete(v -> running = false);
    }

    /** Stops beating: the heartbeat expires by itself, and another node settles whatever is left. */
    public void stop() {
        stopped = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
