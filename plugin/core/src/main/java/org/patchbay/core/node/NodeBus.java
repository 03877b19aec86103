package org.patchbay.core.node;

import io.vertx.core.Future;

import java.util.function.Function;

/**
 * How Patchbay nodes sharing one store reach each other: a REST request that lands on one node for a
 * call another node runs is handed to that node, which answers with the call's record (and what the command made).
 */
public interface NodeBus {

    /** Runs {@code command} on {@code node}; fails with a PatchbayException when the node cannot be reached. */
    Future<NodeReply> send(String node, CallCommand command);

    /** Takes the commands sent to this node. */
    Future<Void> serve(Function<CallCommand, Future<NodeReply>> handler);

    Future<Void> close();

    /** A single node: there is no one else to reach. */
    static NodeBus alone() {
        return new NodeBus() {
            @Override
            public Future<NodeReply> send(String node, CallCommand command) {
                return Future.failedFuture(unreachable(command));
            }

            @Override
            public Future<Void> serve(Function<CallCommand, Future<NodeReply>> handler) {
                return Future.succeededFuture();
            }

            @Override
            public Future<Void> close() {
                return Future.succeededFuture();
            }
        };
    }

    /** The call's node is gone (it stopped, or it crashed and its calls went with it). */
    static org.patchbay.core.error.PatchbayException unreachable(CallCommand command) {
        return new org.patchbay.core.error.PatchbayException(400, org.patchbay.core.error.ErrorCode.CALL_NOT_IN_PROGRESS,
                "Call " + command.callSid() + " is not in-progress on a running Patchbay node");
    }
}
