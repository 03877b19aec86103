package org.patchbay.core.node;

import io.vertx.core.Future;
import org.patchbay.core.account.Account;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.OrphanedCall;
import org.patchbay.core.events.CallStatusChanged;
import org.patchbay.core.events.EventPublisher;
import org.patchbay.core.store.Store;
import org.patchbay.core.webhook.Webhook;
import org.patchbay.core.webhook.WebhookSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Settles the calls of nodes that stopped beating: each call still queued, ringing or in progress
 * gets its final record ({@link OrphanedCall}), its {@code completed} status callback (signed with its
 * account's token) and its {@code completed} event, then leaves the silent node's list. Every node
 * sweeps; {@link NodeLiveness#claim} makes exactly one of them settle each call. The silent node's
 * limit slots, presence devices and event-log leases are leases that expire by themselves.
 */
public final class SilentNodeSweep {
    private static final Logger LOG = LoggerFactory.getLogger(SilentNodeSweep.class);

    private final NodeLiveness liveness;
    private final Store store;
    private final WebhookSender webhooks;
    private final EventPublisher events;
    private final String self;

    public SilentNodeSweep(NodeLiveness liveness, Store store, WebhookSender webhooks, EventPublisher events, String self) {
        this.liveness = liveness;
        this.store = store;
        this.webhooks = webhooks;
        this.events = events;
        this.self = self;
    }

    /** One pass over every silent node; completes with how many calls this node settled. */
    public Future<Integer> sweep() {
        return liveness.silent().compose(nodes -> {
            Future<Integer> chain = Future.succeededFuture(0);
            for (SilentNode node : nodes) {
                if (!node.node().equals(self)) {
                    chain = chain.compose(count -> settleNode(node).map(settled -> count + settled));
                }
            }
            return chain;
        });
    }

    private Future<Integer> settleNode(SilentNode node) {
        return liveness.trackedCalls(node.node()).compose(sids -> settleEach(node, sids))
                .compose(settled -> liveness.forget(node.node()).map(settled));
    }

    private Future<Integer> settleEach(SilentNode node, List<String> sids) {
        Future<Integer> chain = Future.succeededFuture(0);
        for (String sid : sids) {
            chain = chain.compose(count -> liveness.claim(node.node(), sid)
                    .compose(tracked -> tracked == null ? Future.succeededFuture(false) : settle(node, tracked))
                    .recover(e -> {
                        LOG.warn("call {} of silent node {}: cannot settle it: {}", sid, node.node(), e.getMessage());
                        return Future.succeededFuture(false);
                    })
                    .map(settled -> settled ? count + 1 : count));
        }
        return chain;
    }

    private Future<Boolean> settle(SilentNode node, TrackedCall tracked) {
        return store.of(CallRecord.KIND).get(tracked.callSid()).compose(live -> {
            if (live == null || live.status().isFinal()) {
                return Future.succeededFuture(false);
            }
            CallRecord settled = OrphanedCall.settled(live, node.lastBeat());
            LOG.warn("call {}: its node {} stopped beating at {}; settled as {}", settled.sid(), node.node(), node.lastBeat(),
                    settled.status());
            return store.of(CallRecord.KIND).put(settled)
                    .compose(v -> store.of(Account.KIND).get(settled.accountSid()))
                    .map(account -> {
                        Webhook callback = OrphanedCall.completedCallback(live.status(), settled, tracked,
                                account == null ? null : account.authToken());
                        if (callback != null) {
                            webhooks.send(callback);
                        }
                        events.publish(new CallStatusChanged(settled, "completed", settled.endTime(),
                                OrphanedCall.completedParameters(settled)));
                        return true;
                    });
        });
    }
}
