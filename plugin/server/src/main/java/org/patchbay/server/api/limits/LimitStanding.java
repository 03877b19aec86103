package org.patchbay.server.api.limits;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.limits.CounterState;
import org.patchbay.core.limits.LimitPolicy;
import org.patchbay.core.limits.Limiter;
import org.patchbay.core.limits.Thresholds;
import org.patchbay.core.store.Store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How an account stands against its limits: its thresholds, the slots in flight and the refusals of
 * each count, and its queued calls. The Limits resource and the dashboard both show it.
 */
public final class LimitStanding {
    /** Counting queued calls reads at most this many; more would be reported as this many. */
    private static final int QUEUED_SCAN = 10_000;

    private final LimitPolicy policy;
    private final Limiter limiter;
    private final Store store;

    public LimitStanding(LimitPolicy policy, Limiter limiter, Store store) {
        this.policy = policy;
        this.limiter = limiter;
        this.store = store;
    }

    /** Twilio-style snake_case fields, as the Limits resource answers (without its {@code url}). */
    public Future<JsonObject> of(String accountSid) {
        return policy.thresholds(accountSid).compose(thresholds -> {
            Future<CounterState> api = limiter.state(LimitPolicy.apiKey(accountSid));
            Future<CounterState> calls = limiter.state(LimitPolicy.callsKey(accountSid));
            Future<Integer> queued = store.of(CallRecord.KIND)
                    .list(accountSid, call -> call.status() == CallStatus.QUEUED, 0, QUEUED_SCAN).map(page -> page.items().size());
            Map<String, Future<CounterState>> byResource = new TreeMap<>();
            thresholds.apiByResource().keySet().forEach(resource -> byResource.put(resource,
                    limiter.state(LimitPolicy.apiKey(accountSid, resource))));
            List<Future<?>> all = new ArrayList<>(List.of(api, calls, queued));
            all.addAll(byResource.values());
            return Future.all(all).map(done -> json(accountSid, thresholds, api.result(), calls.result(), queued.result(),
                    byResource));
        });
    }

    private static JsonObject json(String accountSid, Thresholds thresholds, CounterState api, CounterState calls, int queued,
                                   Map<String, Future<CounterState>> byResource) {
        JsonObject resources = new JsonObject();
        byResource.forEach((resource, state) -> resources.put(resource, counts(state.result())
                .put("api_concurrency", thresholds.api(resource))));
        return new JsonObject()
                .put("account_sid", accountSid)
                .put("api_concurrency", thresholds.apiConcurrency())
                .put("concurrent_calls", thresholds.concurrentCalls())
                .put("calls_per_second", thresholds.callsPerSecond())
                .put("api_requests", counts(api))
                .put("api_requests_by_resource", resources)
                .put("calls", counts(calls).put("queued", queued));
    }

    private static JsonObject counts(CounterState state) {
        return new JsonObject().put("in_flight", state.inFlight()).put("rejected", state.rejected());
    }
}
