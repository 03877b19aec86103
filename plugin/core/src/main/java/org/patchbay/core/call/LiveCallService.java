package org.patchbay.core.call;

import org.patchbay.core.endpoint.EndpointDirectory;
import org.patchbay.core.amd.MachineDetection;
import org.patchbay.core.livecall.OutboundCall;
import org.patchbay.core.livecall.LiveCalls;
import org.patchbay.core.node.CallCommand;
import org.patchbay.core.node.NodeBus;
import org.patchbay.core.node.NodeReply;
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

/** {@link LiveCalls} on this node: outbound calls are originated here; changes go to the session's context. */
public final class LiveCallService implements LiveCalls {
    /** Media format for calls without an originator: without it a Local channel comes up as slin192 (see captures). */
    private static final String FORMATS = "ulaw,alaw";

    private final CallRouter router;
    private final Store store;
    private final EndpointDirectory endpoints;
    private final TwimlParser parser;
    private final CallCarrier carrier;
    private final OutboundQueue queue;

    public LiveCallService(CallRouter router, Store store, EndpointDirectory endpoints, TwimlParser parser, NodeBus nodes) {
        this.router = router;
        this.store = store;
        this.endpoints = endpoints;
        this.parser = parser;
        this.carrier = new CallCarrier(store, nodes, router.nodeId());
        this.queue = new OutboundQueue(router.vertx(), router.admission(), store, sid -> router.tracker().ended(sid));
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
        if (router.refusingNewCalls()) {
            return Future.failedFuture(new PatchbayException(503, ErrorCode.SERVICE_UNAVAILABLE,
                    "This Patchbay node is shutting down and takes no new calls; create the call through another node"));
        }
        return store.of(Account.KIND).get(call.accountSid()).compose(account -> {
            if (account == null || account.status() != Account.Status.active) {
                return Future.failedFuture(new PatchbayException(401, ErrorCode.ACCOUNT_NOT_ACTIVE, "Account not active"));
            }
            Instant now = Instant.now();
            String sid = router.newCallSid();
            CallRecord queued = CallRecord.newCall(sid, account.sid(), Direction.OUTBOUND_API, CallStatus.QUEUED, now)
                    .between(call.from(), call.to()).callerName(call.callerName()).carriedBy(sid, router.nodeId()).build();
            OriginateRequest originate = MachineDetection.route(new OriginateRequest(endpoint, sid, call.callerName(), call.from(),
                    call.timeoutSeconds(), List.of("outbound-api", sid), null, FORMATS, Map.of()), call.app().machineDetection());
            router.tracker().started(queued, call.app());
            return queue.submit(account, queued, slot -> router.placeOutbound(account, call.app(), queued, originate, inline,
                    call.sendDigits(), call.timeLimitSeconds(), call.recording(), slot));
        });
    }

    /** Cancels the API-created calls this node holds queued (a draining node starts no new call); how many. */
    public Future<Integer> cancelQueued() {
        return queue.cancelAll();
    }

    @Override
    public Future<CallRecord> redirect(String accountSid, String callSid, String url, String method) {
        return apply(CallCommand.redirect(accountSid, callSid, url, method));
    }

    @Override
    public Future<CallRecord> redirectToTwiml(String accountSid, String callSid, String twiml) {
        return apply(CallCommand.twiml(accountSid, callSid, twiml));
    }

    @Override
    public Future<CallRecord> end(String accountSid, String callSid, CallStatus status) {
        return apply(CallCommand.end(accountSid, callSid, status));
    }

    /**
     * Carries out a change on the call's own context when it runs here; a call that runs on another
     * node gets the command through the node bus; a call that runs nowhere cannot be changed.
     */
    public Future<CallRecord> apply(CallCommand command) {
        Future<CallRecord> canceledWhileQueued = "end".equals(command.kind()) ? queue.cancel(command.accountSid(), command.callSid()) : null;
        if (canceledWhileQueued != null) {
            return canceledWhileQueued;
        }
        CallSession session = router.session(command.callSid());
        if (session != null && session.record().accountSid().equals(command.accountSid())) {
            Promise<CallRecord> result = Promise.promise();
            session.context().runOnContext(v -> change(session, command).onComplete(result));
            return result.future();
        }
        return carrier.forward(command, "Call is not in-progress. Cannot redirect.").map(NodeReply::call);
    }

    private Future<CallRecord> change(CallSession session, CallCommand command) {
        switch (command.kind()) {
            case "redirect":
                return session.redirect(command.url(), command.method(), null);
            case "twiml":
                try {
                    return session.redirect(null, null, parser.parse(command.twiml()));
                } catch (TwimlException e) {
                    return Future.failedFuture(new PatchbayException(400, e.errorCode(), "Twiml is not valid: " + e.getMessage()));
                }
            case "end":
                return session.endByRequest(CallStatus.fromWire(command.status()));
            default:
                return Future.failedFuture(new IllegalArgumentException("unknown call command " + command.kind()));
        }
    }
}
