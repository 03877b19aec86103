package org.patchbay.core.call.verb;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.Cancellable;
import org.patchbay.core.call.Next;
import org.patchbay.core.call.Playback;
import org.patchbay.core.queue.Announcement;
import org.patchbay.core.queue.QueueAgent;
import org.patchbay.core.queue.QueueCaller;
import org.patchbay.core.queue.QueueRooms;
import org.patchbay.core.twiml.Dial;
import org.patchbay.core.twiml.DialQueue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code <Dial><Queue>}: an agent takes the caller at the head of a queue (or waits, hearing ringing,
 * up to the Dial timeout for one to arrive), is bridged with it, and when either side leaves goes on
 * to {@code action} (DialCallStatus, DialCallSid = the caller, QueueSid) or the next verb.
 */
final class QueueDialRun extends RoomSeat implements QueueAgent {
    private final Dial dial;
    private final DialQueue noun;
    private final QueueRooms queues;
    private final Promise<Next> result = Promise.promise();
    private Cancellable giveUp;
    private Playback ringback;
    private QueueCaller caller;
    private String queueSid;
    private CallBridge bridge;

    QueueDialRun(CallControl call, Dial dial, DialQueue noun, QueueRooms queues) {
        super(call);
        this.dial = dial;
        this.noun = noun;
        this.queues = queues;
    }

    Future<Next> start() {
        giveUp = call.schedule(dial.timeoutSeconds() * 1000L, () -> queues.stopWaiting(call.account().sid(), noun.name(), this)
                .onSuccess(stillWaiting -> {
                    if (stillWaiting) {
                        finish("no-answer");
                    }
                }));
        call.whenEnded().onComplete(v -> {
            queues.stopWaiting(call.account().sid(), noun.name(), this);
            releaseBridge();
            if (caller != null) {
                QueueCaller taken = caller;
                taken.context().runOnContext(x -> taken.bridgeEnded());
            }
        });
        ringback = call.startPlayback(List.of("tone:ring"));
        queues.dequeue(call.account().sid(), noun.name(), this);
        return result.future();
    }

    @Override
    public void matched(QueueCaller taken, String sid) {
        if (result.future().isComplete()) {
            taken.context().runOnContext(x -> taken.bridgeEnded());
            return;
        }
        caller = taken;
        queueSid = sid;
        giveUp.cancel();
        ringback.stop();
        Promise<Void> silent = Promise.promise();
        Announcement announcement = noun.url() == null ? null
                : new Announcement(call.resolve(noun.url()), noun.method(), call.record().sid());
        taken.context().runOnContext(x -> taken.takeOut(this, announcement)
                .onComplete(done -> context.runOnContext(y -> silent.handle(done))));
        silent.future().compose(v -> bridge()).onFailure(e -> finish("failed"));
        if (dial.hangupOnStar()) {
            call.onDtmf(key -> {
                if (key == '*') {
                    endBridge();
                }
            });
        }
    }

    private Future<Void> bridge() {
        bridge = new CallBridge(call, "queue");
        return bridge.join(caller.channelId());
    }

    @Override
    public void callerHungUp() {
        finish("completed");
    }

    private void endBridge() {
        QueueCaller taken = caller;
        finish("completed");
        taken.context().runOnContext(x -> taken.bridgeEnded());
    }

    private void finish(String dialStatus) {
        if (result.future().isComplete()) {
            return;
        }
        call.onDtmf(null);
        ringback.stop();
        releaseBridge();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("DialCallStatus", dialStatus);
        params.put("DialBridged", Boolean.toString(caller != null));
        if (caller != null) {
            params.put("DialCallSid", caller.callSid());
            params.put("QueueSid", queueSid);
        }
        result.complete(ActionRequest.next(call, dial.action(), dial.method(), params, false));
    }

    private void releaseBridge() {
        if (bridge != null) {
            bridge.release();
        }
    }
}
