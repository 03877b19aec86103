package org.patchbay.core.call;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.patchbay.core.account.Account;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.store.Store;
import org.patchbay.core.telephony.OriginateRequest;
import org.patchbay.core.twiml.TwimlDocument;
import org.patchbay.core.twiml.TwimlException;
import org.patchbay.core.twiml.TwimlParser;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@link LiveCalls} on this node: outbound calls are originated here; changes go to the session's context. */
public final class LiveCallService implements LiveCalls {
    /** Media format for calls without an originator: without it a Local channel comes up as slin192 (see captures). */
    private static final String FORMATS = "ulaw,alaw";

    private final CallRouter router;
    private final Store store;
    private final EndpointDirectory endpoints;
    private final TwimlParser parser;

    public LiveCallService(CallRouter router, Store store, EndpointDirectory endpoints, TwimlParser parser) {
        this.router = router;
        this.store = store;
        this.endpoints = endpoints;
        this.parser = parser;
    }

    @Override
    public Future<CallRecord> create(OutboundCall call) {
        TwimlDocument inline;
        String endpoint;
        try {
            inline = call.twiml() == null ? null : parser.parse(call.twiml());
            endpoint = endpoints.forAccount(call.accountSid()).endpointFor(call.to());
        } catch (TwimlException e) {
            return Future.failedFuture(new PatchbayException(400, e.errorCode(), "Twiml is not valid: " + e.getMessage()));
        } catch (PatchbayException e) {
            return Future.failedFuture(e);
        }
        return store.of(Account.KIND).get(call.accountSid()).compose(account -> {
            if (account == null || account.status() != Account.Status.active) {
                return Future.failedFuture(new PatchbayException(401, ErrorCode.ACCOUNT_NOT_ACTIVE, "Account not active"));
            }
            Instant now = Instant.now();
            String sid = router.newCallSid();
            CallRecord queued = new CallRecord(sid, account.sid(), null, call.from(), call.to(), call.callerName(), null,
                    CallStatus.QUEUED, Direction.OUTBOUND_API, null, now, now, null, null, null, null, sid, router.nodeId());
            OriginateRequest originate = new OriginateRequest(endpoint, sid, call.callerName(), call.from(),
                    call.timeoutSeconds(), List.of("outbound-api", sid), null, FORMATS, Map.of());
            return router.placeOutbound(account, call.app(), queued, originate, inline, call.sendDigits(), call.timeLimitSeconds());
        });
    }

    @Override
    public Future<CallRecord> redirect(String accountSid, String callSid, String url, String method) {
        return onSession(accountSid, callSid, session -> session.redirect(url, method, null));
    }

    @Override
    public Future<CallRecord> redirectToTwiml(String accountSid, String callSid, String twiml) {
        TwimlDocument document;
        try {
            document = parser.parse(twiml);
        } catch (TwimlException e) {
            return Future.failedFuture(new PatchbayException(400, e.errorCode(), "Twiml is not valid: " + e.getMessage()));
        }
        return onSession(accountSid, callSid, session -> session.redirect(null, null, document));
    }

    @Override
    public Future<CallRecord> end(String accountSid, String callSid, CallStatus status) {
        return onSession(accountSid, callSid, session -> session.endByRequest(status));
    }

    /** Runs {@code change} on the call's own context; a call not live here is answered from its record. */
    private Future<CallRecord> onSession(String accountSid, String callSid, Function<CallSession, Future<CallRecord>> change) {
        CallSession session = router.session(callSid);
        if (session == null || !session.record().accountSid().equals(accountSid)) {
            return store.of(CallRecord.KIND).get(accountSid, callSid).compose(record -> record == null
                    ? Future.failedFuture(PatchbayException.notFound("/Calls/" + callSid))
                    : Future.failedFuture(new PatchbayException(400, ErrorCode.CALL_NOT_IN_PROGRESS,
                    "Call is not in-progress. Cannot redirect.")));
        }
        Promise<CallRecord> result = Promise.promise();
        session.context().runOnContext(v -> change.apply(session).onComplete(result));
        return result.future();
    }
}
