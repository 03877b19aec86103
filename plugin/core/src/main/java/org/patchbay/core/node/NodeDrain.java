package org.patchbay.core.node;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallRouter;
import org.patchbay.core.call.CallSession;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.call.LiveCallService;
import org.patchbay.core.webhook.InFlightWebhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A node leaving gracefully (SIGTERM): it stops taking new calls and cancels the API calls it held
 * queued, lets its live calls run for the drain time, ends those still up as a REST hang-up would
 * ({@code completed}, {@code canceled} before answer), and waits for their final status callbacks.
 */
public final class NodeDrain {
    private static final Logger LOG = LoggerFactory.getLogger(NodeDrain.class);
    private static final long POLL_MS = 100;
    /** Time for the last callbacks, their retries (1 s, then 5 s) included. */
    private static final Duration CALLBACK_PATIENCE = Duration.ofSeconds(10);

    private final Vertx vertx;
    private final CallRouter router;
    private final LiveCallService liveCalls;
    private final InFlightWebhooks webhooks;

    public NodeDrain(Vertx vertx, CallRouter router, LiveCallService liveCalls, InFlightWebhooks webhooks) {
        this.vertx = vertx;
        this.router = router;
        this.liveCalls = liveCalls;
        this.webhooks = webhooks;
    }

    public Future<Void> drain(Duration drainTime) {
        router.refuseNewCalls();
        int live = router.liveSessions().size();
        LOG.info("draining: no new calls; {} live calls may run for up to {} s", live, drainTime.toSeconds());
        return liveCalls.cancelQueued()
                .onSuccess(queued -> LOG.info("draining: {} queued API calls canceled", queued))
                .<Void>mapEmpty().recover(e -> Future.succeededFuture())
                .compose(v -> callsGone(System.nanoTime() + drainTime.toNanos()))
                .compose(v -> endTheRest())
                .compose(v -> webhooks.idle(vertx, CALLBACK_PATIENCE))
                .onComplete(v -> LOG.info("drained; {} callbacks still undelivered", webhooks.inFlight()));
    }

    private Future<Void> callsGone(long deadline) {
        Promise<Void> gone = Promise.promise();
        poll(gone, deadline);
        return gone.future();
    }

    private void poll(Promise<Void> gone, long deadline) {
        if (router.liveSessions().isEmpty() || System.nanoTime() >= deadline) {
            gone.complete();
        } else {
            vertx.setTimer(POLL_MS, id -> poll(gone, deadline));
        }
    }

    private Future<Void> endTheRest() {
        List<Future<CallRecord>> ending = new ArrayList<>();
        for (CallSession session : List.copyOf(router.liveSessions())) {
            CallRecord call = session.record();
            LOG.info("drain time is over: ending call {}", call.sid());
            ending.add(liveCalls.end(call.accountSid(), call.sid(), CallStatus.COMPLETED)
                    .onFailure(e -> LOG.warn("call {}: cannot end it: {}", call.sid(), e.getMessage())));
        }
        return Future.join(ending).<Void>mapEmpty().recover(e -> Future.succeededFuture());
    }
}
