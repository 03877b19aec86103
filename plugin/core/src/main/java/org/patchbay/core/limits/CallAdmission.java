package org.patchbay.core.limits;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.patchbay.core.account.Account;

/**
 * Where calls start: a live call (inbound, API-created or a Dial leg) holds a slot of its account's
 * concurrent calls for as long as it lives, and API-created calls are paced to the account's calls
 * per second.
 */
public final class CallAdmission {
    private final Vertx vertx;
    private final LimitPolicy policy;
    private final Limiter limiter;
    private final CallPacer pacer;

    public CallAdmission(Vertx vertx, LimitPolicy policy, Limiter limiter, CallPacer pacer) {
        this.vertx = vertx;
        this.policy = policy;
        this.limiter = limiter;
        this.pacer = pacer;
    }

    /**
     * A slot for one more live call of {@code account}; fails with 10004 when the account (or its
     * parent) is at its limit ({@link CallLimitReached}), or with 20503 when the limiter is unreachable and the policy is closed.
     */
    public Future<Slot> admit(Account account) {
        return admit(account, true);
    }

    /** As {@link #admit(Account)}; a retry ({@code firstTry} false) is not counted again as a rejection. */
    public Future<Slot> admit(Account account, boolean firstTry) {
        return policy.callCounters(account)
                .compose(counters -> Counter.anyLimited(counters) ? limiter.acquire(counters, policy.defaults().lease(), firstTry)
                        : Future.succeededFuture(Admission.uncounted()))
                .compose(admission -> admission.isAdmitted()
                        ? Future.succeededFuture(Slot.hold(vertx, limiter, admission))
                        : Future.failedFuture(new CallLimitReached(admission.refusedBy(), admission.inFlight())));
    }

    /** Books an API-created call's start under its account's calls per second: 0 when it goes now, else the ms to wait before asking again. */
    public Future<Long> tryStart(Account account) {
        return policy.callsPerSecond(account)
                .compose(perSecond -> perSecond <= 0 ? Future.succeededFuture(0L)
                        : pacer.tryStart(LimitPolicy.paceKey(account.sid()), perSecond));
    }

    public java.time.Duration queueTimeout() {
        return policy.defaults().queueTimeout();
    }

}
