package org.patchbay.core.call;

import io.vertx.core.Future;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.node.CallCommand;
import org.patchbay.core.node.NodeBus;
import org.patchbay.core.node.NodeReply;
import org.patchbay.core.store.Store;

/**
 * Hands a change to the node that carries a call this node does not run, as the call's record names it. An unknown
 * call is a 404; one that has ended, or that this node carried and no longer runs, is not in progress.
 */
final class CallCarrier {
    private final Store store;
    private final NodeBus nodes;
    private final String nodeId;

    CallCarrier(Store store, NodeBus nodes, String nodeId) {
        this.store = store;
        this.nodes = nodes;
        this.nodeId = nodeId;
    }

    /** @param notInProgress the message of the 400 (21220) for a call no node runs */
    Future<NodeReply> forward(CallCommand command, String notInProgress) {
        return store.of(CallRecord.KIND).get(command.accountSid(), command.callSid()).compose(record -> {
            if (record == null) {
                return Future.failedFuture(PatchbayException.notFound("/Calls/" + command.callSid()));
            }
            if (record.status().isFinal() || record.node() == null || record.node().equals(nodeId)) {
                return Future.failedFuture(new PatchbayException(400, ErrorCode.CALL_NOT_IN_PROGRESS, notInProgress));
            }
            return nodes.send(record.node(), command);
        });
    }
}
