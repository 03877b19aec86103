package org.patchbay.server.api.limits;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import org.patchbay.core.account.Account;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.events.EventPublisher;
import org.patchbay.core.events.LimitRejected;
import org.patchbay.core.limits.Admission;
import org.patchbay.core.limits.Counter;
import org.patchbay.core.limits.LimitPolicy;
import org.patchbay.core.limits.Limiter;
import org.patchbay.core.limits.Slot;
import org.patchbay.server.api.http.Endpoint;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API's concurrency step: after authentication and before the body is read, a request takes a
 * slot for its account and resource type (and its parent's) or is answered 429 (20429) at once with
 * {@code Retry-After}, unprocessed and so safe to retry. The slot is held, and renewed, until the
 * dispatcher has answered, or the client goes away; every answer tells the account's in-flight
 * count in {@code Twilio-Concurrent-Requests} (no limit at all: nothing is counted and no header sent). A refusal is published as a {@link LimitRejected} event.
 */
public final class ApiConcurrency {
    public static final String HEADER = "Twilio-Concurrent-Requests";
    /** Slots free as requests end, usually within a second. */
    private static final String RETRY_AFTER_SECONDS = "1";

    private final Vertx vertx;
    private final LimitPolicy policy;
    private final Limiter limiter;
    private final EventPublisher events;
    private final ConcurrentHashMap<String, String> resourceByTemplate = new ConcurrentHashMap<>();

    public ApiConcurrency(Vertx vertx, LimitPolicy policy, Limiter limiter, EventPublisher events) {
        this.vertx = vertx;
        this.policy = policy;
        this.limiter = limiter;
        this.events = events;
    }

    /** No limit and no header: for an API served without limits (some tests). */
    public static ApiConcurrency unlimited() {
        return new ApiConcurrency(null, null, null, EventPublisher.none());
    }

    /**
     * A slot for this request, or a failure to answer with. The request is paused (its body unread)
     * while this runs; a refused request is resumed so the body it still sends is discarded.
     */
    public Future<Slot> enter(HttpServerRequest request, Endpoint endpoint, Account account) {
        if (policy == null) {
            return Future.succeededFuture(Slot.none());
        }
        String resource = resourceByTemplate.computeIfAbsent(endpoint.template(), ResourceType::of);
        String accountKey = LimitPolicy.apiKey(account.sid());
        return policy.apiCounters(account, resource)
                .compose(counters -> Counter.anyLimited(counters) ? limiter.acquire(counters, policy.defaults().lease())
                        : Future.succeededFuture(Admission.uncounted()))
                .transform(done -> {
                    if (done.failed()) {
                        request.resume();
                        return Future.failedFuture(unavailable(done.cause()));
                    }
                    Admission admission = done.result();
                    if (!admission.isAdmitted()) {
                        if (accountKey.equals(admission.refusedBy())) {
                            request.response().putHeader(HEADER, Long.toString(admission.inFlight()));
                        }
                        request.response().putHeader("Retry-After", RETRY_AFTER_SECONDS);
                        request.resume();
                        events.publish(new LimitRejected(account.sid(), LimitRejected.API_CONCURRENCY, admission.refusedBy(),
                                admission.inFlight(), null, request.method().name() + " " + resource, Instant.now()));
                        return Future.failedFuture(tooMany(admission, resource));
                    }
                    Slot slot = Slot.hold(vertx, limiter, admission);
                    if (admission.lease() == null) {
                        return Future.succeededFuture(slot);
                    }
                    request.response().putHeader(HEADER, Long.toString(admission.inFlight()));
                    request.response().closeHandler(closed -> slot.release());
                    return Future.succeededFuture(slot);
                });
    }

    private static PatchbayException tooMany(Admission admission, String resource) {
        String key = admission.refusedBy();
        String what = key.indexOf(':', "api:".length()) > 0 ? resource + " requests of " + key.substring(4, key.lastIndexOf(':'))
                : "requests of " + key.substring(4);
        return new PatchbayException(429, ErrorCode.TOO_MANY_REQUESTS,
                "Too many concurrent requests: " + admission.inFlight() + " " + what + " are in flight, the limit is reached");
    }

    private static PatchbayException unavailable(Throwable cause) {
        return cause instanceof PatchbayException known ? known
                : new PatchbayException(503, ErrorCode.SERVICE_UNAVAILABLE, "Limits cannot be checked right now; retry later");
    }
}
