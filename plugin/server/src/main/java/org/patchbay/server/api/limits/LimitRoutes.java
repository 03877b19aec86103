package org.patchbay.server.api.limits;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.limits.AccountLimits;
import org.patchbay.core.limits.CounterState;
import org.patchbay.core.limits.LimitPolicy;
import org.patchbay.core.limits.Limiter;
import org.patchbay.core.limits.Thresholds;
import org.patchbay.core.store.Store;
import org.patchbay.server.api.http.ApiRequest;
import org.patchbay.server.api.http.Endpoint;
import org.patchbay.server.api.http.Params;
import org.patchbay.server.api.http.Reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /v1/Accounts/{AccountSid}/Limits}: an account's thresholds and how they stand. Any
 * credential of the account reads them; only a main account's own token changes them, for itself
 * or one of its subaccounts.
 */
public final class LimitRoutes {
    static final String TEMPLATE = "/v1/Accounts/{AccountSid}/Limits";
    private static final String PER_RESOURCE = "ApiConcurrency.";
    private static final int MAX = 1_000_000;
    /** Counting queued calls reads at most this many; more would be reported as this many. */
    private static final int QUEUED_SCAN = 10_000;

    private final LimitPolicy policy;
    private final Limiter limiter;
    private final Store store;

    public LimitRoutes(LimitPolicy policy, Limiter limiter, Store store) {
        this.policy = policy;
        this.limiter = limiter;
        this.store = store;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(HttpMethod.GET, TEMPLATE, "AccountSid", Endpoint.Access.ACCOUNT, this::fetch),
                new Endpoint(HttpMethod.POST, TEMPLATE, "AccountSid", Endpoint.Access.ACCOUNT_ADMIN, this::update));
    }

    private Future<Reply> update(ApiRequest request) {
        if (!request.caller().account().isMain()) {
            return Future.failedFuture(new PatchbayException(403, ErrorCode.FORBIDDEN,
                    "A subaccount cannot change its limits; its main account sets them"));
        }
        AccountLimits changes = changes(request.accountSid(), request.params());
        return policy.store().get(request.accountSid())
                .compose(current -> policy.store().put(current.updatedWith(changes)))
                .compose(saved -> {
                    policy.forget(request.accountSid());
                    return fetch(request);
                });
    }

    private static AccountLimits changes(String accountSid, Params params) {
        Map<String, Integer> byResource = new TreeMap<>();
        for (String name : params.names()) {
            if (name.startsWith(PER_RESOURCE)) {
                String resource = name.substring(PER_RESOURCE.length());
                if (!resource.matches("[A-Z][A-Za-z]*")) {
                    throw Params.invalid(name + " must name a resource type such as ApiConcurrency.Calls");
                }
                byResource.put(resource, params.integer(name, 0, MAX));
            }
        }
        AccountLimits changes = new AccountLimits(accountSid, params.integer("ApiConcurrency", 0, MAX),
                params.integer("ConcurrentCalls", 0, MAX), params.integer("CallsPerSecond", 0, 10_000), byResource);
        if (changes.equals(AccountLimits.none(accountSid))) {
            throw Params.invalid("Give at least one of ApiConcurrency, ConcurrentCalls, CallsPerSecond, ApiConcurrency.<Resource>");
        }
        return changes;
    }

    private Future<Reply> fetch(ApiRequest request) {
        String sid = request.accountSid();
        return policy.thresholds(sid).compose(thresholds -> {
            Future<CounterState> api = limiter.state(LimitPolicy.apiKey(sid));
            Future<CounterState> calls = limiter.state(LimitPolicy.callsKey(sid));
            Future<Integer> queued = store.of(CallRecord.KIND)
                    .list(sid, call -> call.status() == CallStatus.QUEUED, 0, QUEUED_SCAN).map(page -> page.items().size());
            Map<String, Future<CounterState>> byResource = new TreeMap<>();
            thresholds.apiByResource().keySet().forEach(resource -> byResource.put(resource,
                    limiter.state(LimitPolicy.apiKey(sid, resource))));
            List<Future<?>> all = new ArrayList<>(List.of(api, calls, queued));
            all.addAll(byResource.values());
            return Future.all(all).map(done -> Reply.ok(json(request, thresholds, api.result(), calls.result(), queued.result(),
                    byResource)));
        });
    }

    private static JsonObject json(ApiRequest request, Thresholds thresholds, CounterState api, CounterState calls, int queued,
                                   Map<String, Future<CounterState>> byResource) {
        JsonObject resources = new JsonObject();
        byResource.forEach((resource, state) -> resources.put(resource, counts(state.result())
                .put("api_concurrency", thresholds.api(resource))));
        return new JsonObject()
                .put("account_sid", request.accountSid())
                .put("api_concurrency", thresholds.apiConcurrency())
                .put("concurrent_calls", thresholds.concurrentCalls())
                .put("calls_per_second", thresholds.callsPerSecond())
                .put("api_requests", counts(api))
                .put("api_requests_by_resource", resources)
                .put("calls", counts(calls).put("queued", queued))
                .put("url", "/v1/Accounts/" + request.accountSid() + "/Limits");
    }

    private static JsonObject counts(CounterState state) {
        return new JsonObject().put("in_flight", state.inFlight()).put("rejected", state.rejected());
    }
}
