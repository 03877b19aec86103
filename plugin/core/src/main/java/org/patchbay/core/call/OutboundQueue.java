package org.patchbay.core.call;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.patchbay.core.account.Account;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.limits.CallAdmission;
import org.patchbay.core.limits.Slot;
import org.patchbay.core.notification.Notifications;
import org.patchbay.core.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * API-created calls on their way to starting: each takes a slot of its account's concurrent calls,
 * then waits for its start time under the account's calls per second. Over the limit a call stays
 * {@code queued}, in creation order per account, until a slot frees (tried again every
 * {@value #RETRY_MS} ms, since a slot may free on another node), it is canceled, or the queue
 * timeout fails it. All of it runs on one context, so the queues need no locks.
 */
final class OutboundQueue {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundQueue.class);
    private static final long RETRY_MS = 100;

    private final Vertx vertx;
    private final Context context;
    private final CallAdmission admission;
    private final Store store;
    private final Notifications notifications;
    private final Map<String, Deque<Waiting>> byAccount = new HashMap<>();
    private final Map<String, Waiting> byCall = new ConcurrentHashMap<>();
    private final java.util.function.Consumer<String> neverStarted;

    private static final class Waiting {
        final Account account;
        CallRecord record;
        final Function<Slot, Future<CallRecord>> start;
        final Promise<CallRecord> answered = Promise.promise();
        long timeoutTimer = -1;
        long startTimer = -1;
        boolean admitting;
        boolean stored;
        boolean done;
        Slot slot = Slot.none();

        Waiting(Account account, CallRecord record, Function<Slot, Future<CallRecord>> start) {
            this.account = account;
            this.record = record;
            this.start = start;
        }
    }

    OutboundQueue(Vertx vertx, CallAdmission admission, Store store, java.util.function.Consumer<String> neverStarted) {
        this.vertx = vertx;
        this.neverStarted = neverStarted;
        this.context = vertx.getOrCreateContext();
        this.admission = admission;
        this.store = store;
        this.notifications = new Notifications(store);
    }

    /**
     * Starts the call through {@code start} once admitted and paced. Completes with the started
     * call's record, or with the queued record as soon as the call has to wait.
     */
    Future<CallRecord> submit(Account account, CallRecord queued, Function<Slot, Future<CallRecord>> start) {
        Waiting waiting = new Waiting(account, queued, start);
        byCall.put(queued.sid(), waiting);
        context.runOnContext(v -> {
            Deque<Waiting> queue = byAccount.computeIfAbsent(account.sid(), sid -> new ArrayDeque<>());
            queue.add(waiting);
            waiting.timeoutTimer = vertx.setTimer(admission.queueTimeout().toMillis(), id -> timedOut(waiting));
            if (queue.size() == 1) {
                drain(account.sid());
            } else {
                keepWaiting(waiting);
            }
        });
        return waiting.answered.future();
    }

    /** Cancels every call still waiting here (a node leaving): their records say canceled, not queued for ever. */
    Future<Integer> cancelAll() {
        Promise<Integer> canceled = Promise.promise();
        context.runOnContext(v -> {
            int count = 0;
            for (Waiting waiting : List.copyOf(byCall.values())) {
                if (!waiting.done) {
                    settle(waiting, CallStatus.CANCELED);
                    count++;
                }
            }
            canceled.complete(count);
        });
        return canceled.future();
    }

    /** Cancels a call still waiting here; null when it is not (it started, ended or runs elsewhere). */
    Future<CallRecord> cancel(String accountSid, String callSid) {
        Waiting waiting = byCall.get(callSid);
        if (waiting == null || !waiting.account.sid().equals(accountSid)) {
            return null;
        }
        Promise<CallRecord> canceled = Promise.promise();
        context.runOnContext(v -> canceled.complete(waiting.done ? waiting.record : settle(waiting, CallStatus.CANCELED)));
        return canceled.future();
    }

    private void drain(String accountSid) {
        Deque<Waiting> queue = byAccount.get(accountSid);
        Waiting head = queue == null ? null : queue.peek();
        if (head == null) {
            byAccount.remove(accountSid);
            return;
        }
        if (head.admitting) {
            return;
        }
        head.admitting = true;
        admission.admit(head.account, !head.stored).onComplete(admitted -> context.runOnContext(v -> {
            if (head.done) {
                head.admitting = false;
                if (admitted.succeeded()) {
                    admitted.result().release();
                }
                drain(accountSid);
            } else if (admitted.succeeded()) {
                head.slot = admitted.result();
                // The call stays at the head until its start is booked: the next asks only then, so starts keep creation order.
                pace(head).onComplete(booked -> {
                    queue.remove(head);
                    drain(accountSid);
                });
            } else {
                head.admitting = false;
                keepWaiting(head);
                vertx.setTimer(RETRY_MS, id -> drain(accountSid));
            }
        }));
    }

    /** Starts the call as soon as the account's calls per second has room for it; completes once its start is booked. */
    private Future<Void> pace(Waiting waiting) {
        Promise<Void> booked = Promise.promise();
        tryStart(waiting, booked);
        return booked.future();
    }

    private void tryStart(Waiting waiting, Promise<Void> booked) {
        admission.tryStart(waiting.account).onComplete(wait -> context.runOnContext(v -> {
            if (waiting.done) {
                booked.tryComplete();
            } else if (wait.failed() || wait.result() <= 0) {
                launch(waiting);
                booked.tryComplete();
            } else {
                keepWaiting(waiting);
                waiting.startTimer = vertx.setTimer(wait.result(), id -> tryStart(waiting, booked));
            }
        }));
    }

    private void launch(Waiting waiting) {
        if (waiting.done) {
            return;
        }
        waiting.done = true;
        byCall.remove(waiting.record.sid());
        vertx.cancelTimer(waiting.timeoutTimer);
        // A call that had to wait was already answered with its queued record: the API has its reply.
        waiting.start.apply(waiting.slot).onComplete(started -> {
            if (started.succeeded()) {
                waiting.answered.tryComplete(started.result());
            } else {
                waiting.answered.tryFail(started.cause());
            }
        });
    }

    /** The call will not start at once: its record says queued, and the API answers with it now. */
    private void keepWaiting(Waiting waiting) {
        if (!waiting.stored) {
            waiting.stored = true;
            store.of(CallRecord.KIND).put(waiting.record)
                    .onFailure(e -> LOG.error("call {}: could not store its queued record: {}", waiting.record.sid(), e.getMessage()));
            waiting.answered.tryComplete(waiting.record);
        }
    }

    private void timedOut(Waiting waiting) {
        if (waiting.done) {
            return;
        }
        settle(waiting, CallStatus.FAILED);
        notifications.error(waiting.account.sid(), waiting.record.sid(), ErrorCode.CALL_CONCURRENCY_LIMIT,
                "The call waited queued longer than " + admission.queueTimeout().toSeconds() + " s for a free call slot",
                Notifications.Request.NONE);
    }

    /** Ends a call that never started: out of its queue, its slot back, its record final. */
    private CallRecord settle(Waiting waiting, CallStatus status) {
        waiting.done = true;
        byCall.remove(waiting.record.sid());
        Deque<Waiting> queue = byAccount.get(waiting.account.sid());
        if (queue != null) {
            queue.remove(waiting);
        }
        vertx.cancelTimer(waiting.timeoutTimer);
        vertx.cancelTimer(waiting.startTimer);
        waiting.slot.release();
        waiting.record = waiting.record.endedAt(status, Instant.now());
        store.of(CallRecord.KIND).put(waiting.record)
                .onFailure(e -> LOG.error("call {}: could not store its record: {}", waiting.record.sid(), e.getMessage()));
        waiting.answered.tryComplete(waiting.record);
        neverStarted.accept(waiting.record.sid());
        drain(waiting.account.sid());
        return waiting.record;
    }
}
