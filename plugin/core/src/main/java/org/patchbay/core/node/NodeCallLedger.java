package org.patchbay.core.node;

import io.vertx.core.Future;
import org.patchbay.core.call.CallApp;
import org.patchbay.core.call.CallRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's calls in the shared {@link NodeLiveness}: written when a call starts, removed when it
 * ends. A call's removal waits for its write, because two commands may travel on two connections and
 * a removal overtaking its write would leave the call listed for ever.
 */
public final class NodeCallLedger implements CallTracker {
    private static final Logger LOG = LoggerFactory.getLogger(NodeCallLedger.class);

    private final NodeLiveness liveness;
    private final String node;
    private final Map<String, Future<Void>> written = new ConcurrentHashMap<>();

    public NodeCallLedger(NodeLiveness liveness, String node) {
        this.liveness = liveness;
        this.node = node;
    }

    @Override
    public void started(CallRecord call, CallApp app) {
        TrackedCall tracked = new TrackedCall(call.sid(), call.accountSid(), app.statusCallback(), app.statusCallbackMethod(),
                app.statusCallbackEvents());
        Future<Void> write = liveness.track(node, tracked)
                .onFailure(e -> LOG.warn("call {}: cannot list it among this node's calls: {}", call.sid(), e.getMessage()));
        written.put(call.sid(), write);
    }

    @Override
    public void ended(String callSid) {
        Future<Void> write = written.remove(callSid);
        if (write == null) {
            return;
        }
        write.eventually(() -> liveness.untrack(node, callSid)
                .onFailure(e -> LOG.warn("call {}: cannot take it off this node's calls: {}", callSid, e.getMessage())));
    }

    /** Calls started here and not ended yet. */
    public int size() {
        return written.size();
    }
}
