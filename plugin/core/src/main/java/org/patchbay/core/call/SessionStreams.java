package org.patchbay.core.call;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.patchbay.core.call.stream.StreamState;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.livecall.LiveStreams;
import org.patchbay.core.node.CallCommand;
import org.patchbay.core.node.NodeBus;
import org.patchbay.core.node.NodeReply;
import org.patchbay.core.store.Store;
import org.patchbay.core.stream.StreamConnector;
import org.patchbay.core.twiml.Stream;

import java.util.function.Function;

/**
 * {@link LiveStreams} on calls wherever they run: a change to a call of this node runs on the call's own context,
 * where its forks live; one to a call of another node is handed to that node over the node bus.
 */
public final class SessionStreams implements LiveStreams {
    private static final String NOT_IN_PROGRESS = "Call is not in-progress. Cannot start or stop a stream.";

    private final CallRouter router;
    private final Store store;
    private final StreamConnector connector;
    private final CallCarrier carrier;

    public SessionStreams(CallRouter router, Store store, StreamConnector connector, NodeBus nodes) {
        this.router = router;
        this.store = store;
        this.connector = connector;
        this.carrier = new CallCarrier(store, nodes, router.nodeId());
    }

    /** Whether another node's command is a Streams request, for {@link #applyHere}. */
    public static boolean handles(CallCommand command) {
        return StreamCommands.KINDS.contains(command.kind());
    }

    /** Carries out a Streams request another node handed over; answers with the call's record and the stream. */
    public Future<NodeReply> applyHere(CallCommand command) {
        Future<StreamState> done = StreamCommands.START.equals(command.kind())
                ? start(command.accountSid(), command.callSid(), StreamCommands.stream(command))
                : stop(command.accountSid(), command.callSid(), StreamCommands.sidOrName(command));
        return done.compose(state -> {
            CallSession session = router.session(command.callSid());
            Future<CallRecord> record = session != null ? Future.succeededFuture(session.record())
                    : store.of(CallRecord.KIND).get(command.accountSid(), command.callSid());
            return record.map(call -> new NodeReply(call, StreamCommands.detail(state)));
        });
    }

    @Override
    public Future<StreamState> start(String accountSid, String callSid, Stream stream) {
        return onCall(accountSid, callSid, StreamCommands.start(accountSid, callSid, stream), session ->
                session.control().forks().start(session.control(), stream, connector, false));
    }

    @Override
    public Future<StreamState> stop(String accountSid, String callSid, String sidOrName) {
        return onCall(accountSid, callSid, StreamCommands.stop(accountSid, callSid, sidOrName), session -> {
            StreamState stopped = session.control().forks().stop(sidOrName);
            return stopped == null
                    ? Future.failedFuture(PatchbayException.notFound("/Calls/" + callSid + "/Streams/" + sidOrName))
                    : Future.succeededFuture(stopped);
        });
    }

    private Future<StreamState> onCall(String accountSid, String callSid, CallCommand elsewhere,
                                       Function<CallSession, Future<StreamState>> change) {
        CallSession session = router.session(callSid);
        if (session == null || !session.record().accountSid().equals(accountSid)) {
            return notHere(accountSid, callSid, elsewhere);
        }
        Promise<StreamState> result = Promise.promise();
        session.context().runOnContext(v -> {
            if (session.isEnded() || !session.answered()) {
                result.fail(notInProgress());
            } else {
                change.apply(session).onComplete(result);
            }
        });
        return result.future();
    }

    private Future<StreamState> notHere(String accountSid, String callSid, CallCommand elsewhere) {
        return carrier.forward(elsewhere, NOT_IN_PROGRESS).map(reply -> StreamCommands.state(accountSid, callSid, reply.detail()));
    }

    private static PatchbayException notInProgress() {
        return new PatchbayException(400, ErrorCode.CALL_NOT_IN_PROGRESS, NOT_IN_PROGRESS);
    }
}
