package org.patchbay.server.api;

import io.vertx.core.Future;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.call.Direction;
import org.patchbay.core.livecall.LiveCalls;
import org.patchbay.core.livecall.OutboundCall;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.Store;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A call router stand-in: queues calls by writing their records into the store, and remembers every
 * request so tests can check what the API asked for. It refuses changes to finished calls as the
 * real router does.
 */
final class FakeLiveCalls implements LiveCalls {
    record Redirect(String accountSid, String callSid, String url, String method, String twiml) {
    }

    record End(String accountSid, String callSid, CallStatus status) {
    }

    final List<OutboundCall> created = new CopyOnWriteArrayList<>();
    final List<Redirect> redirects = new CopyOnWriteArrayList<>();
    final List<End> ends = new CopyOnWriteArrayList<>();
    /** When set, placing a call fails with it: how a broken router looks to the API. */
    volatile Throwable createFailure;
    private final Store store;

    FakeLiveCalls(Store store) {
        this.store = store;
    }

    @Override
    public Future<CallRecord> create(OutboundCall call) {
        if (createFailure != null) {
            return Future.failedFuture(createFailure);
        }
        created.add(call);
        Instant now = Instant.now();
        CallRecord queued = new CallRecord(Sids.next(Sids.CALL), call.accountSid(), null, call.from(), call.to(),
                call.callerName(), null, CallStatus.QUEUED, Direction.OUTBOUND_API, null, now, now, null, null, null, null,
                null, "fake");
        return store.of(CallRecord.KIND).put(queued).map(v -> queued);
    }

    @Override
    public Future<CallRecord> redirect(String accountSid, String callSid, String url, String method) {
        return live(accountSid, callSid).map(call -> {
            redirects.add(new Redirect(accountSid, callSid, url, method, null));
            return call;
        });
    }

    @Override
    public Future<CallRecord> redirectToTwiml(String accountSid, String callSid, String twiml) {
        return live(accountSid, callSid).map(call -> {
            redirects.add(new Redirect(accountSid, callSid, null, null, twiml));
            return call;
        });
    }

    @Override
    public Future<CallRecord> end(String accountSid, String callSid, CallStatus status) {
        return live(accountSid, callSid).compose(call -> {
            ends.add(new End(accountSid, callSid, status));
            boolean answered = call.status() == CallStatus.IN_PROGRESS;
            if (status == CallStatus.CANCELED && answered) {
                return Future.succeededFuture(call);
            }
            CallRecord ended = call.endedAt(status, Instant.now());
            return store.of(CallRecord.KIND).put(ended).map(v -> ended);
        });
    }

    private Future<CallRecord> live(String accountSid, String callSid) {
        return store.of(CallRecord.KIND).get(accountSid, callSid).compose(call -> {
            if (call == null) {
                return Future.failedFuture(PatchbayException.notFound("/Calls/" + callSid));
            }
            if (call.status().isFinal()) {
                return Future.failedFuture(new PatchbayException(400, ErrorCode.CALL_NOT_IN_PROGRESS,
                        "Call is not in-progress. Cannot redirect."));
            }
            return Future.succeededFuture(call);
        });
    }
}
