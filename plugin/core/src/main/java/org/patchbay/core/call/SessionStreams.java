package org.patchbay.core.call;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.patchbay.core.call.stream.StreamState;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.livecall.LiveStreams;
import org.patchbay.core.store.Store;
import org.patchbay.core.stream.StreamConnector;
import org.patchbay.core.twiml.Stream;

import java.util.function.Function;

/**
 * {@link LiveStreams} for the calls this node carries: each change runs on the call's own context, where its forks
 * live. A call of another node is refused with a 400 saying so (streams are not carried over the node bus yet).
 */
public final class SessionStreams implements LiveStreams {
    private final CallRouter router;
    private final Store store;
    private final StreamConnector connector;

    public SessionStreams(CallRouter router, Store store, StreamConnector connector) {
        this.router = router;
        this.store = store;
        this.connector = connector;
    }

    @Override
    public Future<StreamState> start(String accountSid, String callSid, Stream stream) {
        return onCall(accountSid, callSid, session ->
                session.control().forks().start(session.control(), stream, connector, false));
    }

    @Override
    public Future<StreamState> stop(String accountSid, String callSid, String sidOrName) {
        return onCall(accountSid, callSid, session -> {
            StreamState stopped = session.control().forks().stop(sidOrName);
            return stopped == null
                    ? Future.failedFuture(PatchbayException.notFound("/Calls/" + callSid + "/Streams/" + sidOrName))
                    : Future.succeededFuture(stopped);
        });
    }

    private Future<StreamState> onCall(String accountSid, String callSid, Function<CallSession, Future<StreamState>> change) {
        CallSession session = router.session(callSid);
        if (session == null || !session.record().accountSid().equals(accountSid)) {
            return notHere(accountSid, callSid);
        }
        Promise<StreamState> result = Promise.promise();
        session.context().runOnContext(v -> {
            if (session.isEnded() || !session.answered()) {
                result.fail(notInProgress("Call is not in-progress. Cannot start or stop a stream."));
            } else {
                change.apply(session).onComplete(result);
            }
        });
        return result.future();
    }

    private Future<StreamState> notHere(String accountSid, String callSid) {
        return store.of(CallRecord.KIND).get(accountSid, callSid).compose(record -> {
            if (record == null) {
                return Future.failedFuture(PatchbayException.notFound("/Calls/" + callSid));
            }
            if (record.status().isFinal() || record.node() == null || record.node().equals(router.nodeId())) {
                return Future.failedFuture(notInProgress("Call is not in-progress. Cannot start or stop a stream."));
            }
            return Future.failedFuture(notInProgress("The call is carried by another Patchbay node; send its Streams"
                    + " requests to that node (streams are not forwarded between nodes yet)"));
        });
    }

    private static PatchbayException notInProgress(String message) {
        return new PatchbayException(400, ErrorCode.CALL_NOT_IN_PROGRESS, message);
    }
}
