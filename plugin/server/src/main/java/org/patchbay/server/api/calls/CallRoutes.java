package org.patchbay.server.api.calls;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.livecall.LiveCalls;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.Store;
import org.patchbay.server.api.http.ApiRequest;
import org.patchbay.server.api.http.Endpoint;
import org.patchbay.server.api.http.Paging;
import org.patchbay.server.api.http.Params;
import org.patchbay.server.api.http.Records;
import org.patchbay.server.api.http.Reply;

import java.util.List;
import java.util.Set;

/**
 * {@code /Calls}: places outbound calls, lists and fetches call records, redirects or ends live
 * calls through {@link LiveCalls}, and deletes the records of finished calls.
 */
public final class CallRoutes {
    private static final Set<String> UPDATE_STATUSES = Set.of("completed", "canceled");

    private final Store store;
    private final LiveCalls liveCalls;
    private final CallCreation creation;

    public CallRoutes(Store store, LiveCalls liveCalls) {
        this.store = store;
        this.liveCalls = liveCalls;
        this.creation = new CallCreation(store);
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.account(HttpMethod.POST, "/Calls.json", this::create),
                Endpoint.account(HttpMethod.GET, "/Calls.json", this::list),
                Endpoint.account(HttpMethod.GET, "/Calls/{Sid}.json", this::fetch),
                Endpoint.account(HttpMethod.POST, "/Calls/{Sid}.json", this::update),
                Endpoint.account(HttpMethod.DELETE, "/Calls/{Sid}.json", this::delete));
    }

    private Future<Reply> create(ApiRequest request) {
        return creation.read(request.accountSid(), request.params())
                .compose(liveCalls::create)
                .map(call -> Reply.created(CallJson.of(call)));
    }

    private Future<Reply> list(ApiRequest request) {
        Params params = request.params();
        Paging paging = Paging.from(params);
        return store.of(CallRecord.KIND).list(request.accountSid(), CallFilters.query(params), paging.offset(), paging.pageSize())
                .map(page -> Reply.ok(paging.body("calls", page.items().stream().map(CallJson::of).toList(),
                        page, request.path(), params, CallFilters.NAMES)));
    }

    private Future<Reply> fetch(ApiRequest request) {
        return owned(request).map(call -> Reply.ok(CallJson.of(call)));
    }

    /**
     * {@code Status} ends the call; otherwise {@code Url} (or else {@code Twiml}) redirects it; with
     * none of them the call is answered unchanged. The other parameters Twilio accepts here are
     * checked but do not change a live call in Patchbay.
     */
    private Future<Reply> update(ApiRequest request) {
        Params params = request.params();
        String status = params.choice("Status", UPDATE_STATUSES);
        String url = CallCreation.blankToNull(params.url("Url"));
        String method = params.method("Method");
        String twiml = CallCreation.blankToNull(params.text("Twiml", CallCreation.MAX_TWIML));
        params.url("FallbackUrl");
        params.method("FallbackMethod");
        params.url("StatusCallback");
        params.method("StatusCallbackMethod");
        params.integer("TimeLimit", 1, 14400);
        String account = request.accountSid();
        return owned(request).compose(call -> {
            if (status != null) {
                // Hanging up is idempotent: a call that has already ended is answered as it is.
                return call.status() != null && call.status().isFinal()
                        ? Future.succeededFuture(call)
                        : liveCalls.end(account, call.sid(), CallStatus.fromWire(status));
            }
            if (url != null) {
                return liveCalls.redirect(account, call.sid(), url, method == null ? "POST" : method);
            }
            if (twiml != null) {
                return liveCalls.redirectToTwiml(account, call.sid(), twiml);
            }
            return Future.succeededFuture(call);
        }).map(call -> Reply.ok(CallJson.of(call)));
    }

    private Future<Reply> delete(ApiRequest request) {
        return owned(request).compose(call -> {
            if (call.status() == null || !call.status().isFinal()) {
                return Future.failedFuture(PatchbayException.badRequest(ErrorCode.INVALID_CALL_STATE,
                        "Call " + call.sid() + " is " + call.status() + "; only a finished call's record can be deleted"));
            }
            return store.of(CallRecord.KIND).delete(call.sid()).map(v -> Reply.noContent());
        });
    }

    private Future<CallRecord> owned(ApiRequest request) {
        return Records.owned(store, CallRecord.KIND, Sids.CALL, request.accountSid(), request.pathParam("Sid"), request.path());
    }
}
