package org.patchbay.core.call.verb;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.Next;
import org.patchbay.core.queue.QueueAgent;
import org.patchbay.core.queue.Announcement;
import org.patchbay.core.queue.QueueCaller;
import org.patchbay.core.queue.QueueRooms;
import org.patchbay.core.events.QueueMemberJoined;
import org.patchbay.core.events.QueueMemberLeft;
import org.patchbay.core.twiml.Enqueue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code <Enqueue>}: the caller waits in a named queue, hearing the wait document (fetched with
 * its queue position) or hold music, until an agent takes it, it leaves ({@code <Leave>}), or hangs
 * up. Then {@code action} is requested with QueueResult (bridged, leave, hangup, queue-full),
 * QueueSid and QueueTime, or the call goes on to the next verb.
 */
final class EnqueueRun extends RoomSeat implements QueueCaller {
    private final Enqueue verb;
    private final QueueRooms queues;
    private final Promise<Next> result = Promise.promise();
    private final Instant since = Instant.now();
    private QueueRooms.Position position;
    private WaitLoop waiting;
    private QueueAgent agent;

    EnqueueRun(CallControl call, Enqueue verb, QueueRooms queues) {
        super(call);
        this.verb = verb;
        this.queues = queues;
    }

    Future<Next> start() {
        queues.enqueue(call.account().sid(), verb.queueName(), this).onSuccess(placed -> {
            position = placed;
            if (placed.full()) {
                finish("queue-full");
                return;
            }
            call.publish(new QueueMemberJoined(call.record(), Instant.now(), verb.queueName(), placed.queueSid(), placed.position()));
            if (agent != null) {
                return;
            }
            waiting = new WaitLoop(call, verb.waitUrl(), verb.waitUrlMethod(), this::waitParams);
            waiting.start().onSuccess(outcome -> {
                switch (outcome) {
                    case LEFT -> leave("leave");
                    case HUNG_UP -> {
                        leave("hangup");
                        result.tryComplete(Next.HANGUP);
                    }
                    case CALL_ENDED -> leave("hangup");
                    default -> { }
                }
            });
        });
        return result.future();
    }

    private Map<String, String> waitParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("QueueSid", position.queueSid());
        params.put("QueuePosition", Integer.toString(position.position()));
        params.put("QueueTime", Long.toString(waited()));
        params.put("AvgQueueTime", Integer.toString(position.averageWaitSeconds()));
        params.put("CurrentQueueSize", Integer.toString(position.size()));
        params.put("MaxQueueSize", Integer.toString(position.maxSize()));
        return params;
    }

    private void leave(String why) {
        if (agent == null) {
            queues.leave(call.account().sid(), verb.queueName(), callSid());
        }
        finish(why);
    }

    @Override
    public Future<Void> takeOut(QueueAgent taker, Announcement announcement) {
        agent = taker;
        call.whenEnded().onComplete(v -> taker.context().runOnContext(x -> taker.callerHungUp()));
        Future<Void> quiet = waiting == null ? Future.succeededFuture() : waiting.stop();
        if (announcement == null) {
            return quiet;
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("QueueSid", position == null ? "" : position.queueSid());
        params.put("QueueTime", Long.toString(waited()));
        params.put("DequeingCallSid", announcement.dequeuingCallSid());
        return quiet.compose(v -> new AnnouncementRun(call, params).run(announcement.url(), announcement.method()));
    }

    @Override
    public void bridgeEnded() {
        finish("bridged");
    }

    /**
     * The REST API dequeued this caller to another document (a Member update): the action hears
     * QueueResult=redirected, as Twilio tells it, but the call runs the document at {@code url}.
     */
    @Override
    public void redirected(String url, String method) {
        if (result.future().isComplete()) {
            return;
        }
        Future<Void> quiet = waiting == null ? Future.succeededFuture() : waiting.stop();
        left("redirected");
        if (verb.action() != null) {
            call.callback(call.resolve(verb.action()), verb.method(), results("redirected"));
        }
        quiet.onComplete(v -> result.tryComplete(new Next.Fetch(url, method, Map.of())));
    }

    private void finish(String queueResult) {
        if (result.future().isComplete()) {
            return;
        }
        left(queueResult);
        result.complete(ActionRequest.next(call, verb.action(), verb.method(), results(queueResult), "hangup".equals(queueResult)));
    }

    private void left(String queueResult) {
        if (position != null && !position.full()) {
            call.publish(new QueueMemberLeft(call.record(), Instant.now(), verb.queueName(), position.queueSid(), queueResult, waited()));
        }
    }

    private Map<String, String> results(String queueResult) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("QueueResult", queueResult);
        params.put("QueueSid", position == null ? "" : position.queueSid());
        params.put("QueueTime", Long.toString(waited()));
        return params;
    }

    private long waited() {
        return Duration.between(since, Instant.now()).toSeconds();
    }
}
