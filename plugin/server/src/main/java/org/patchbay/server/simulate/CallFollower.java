package org.patchbay.server.simulate;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryContext;
import org.patchbay.asterisk.sim.HeardEntry;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.asterisk.sim.SimulatedAsterisk;
import org.patchbay.core.events.CallEvent;
import org.patchbay.core.events.CallStatusChanged;
import org.patchbay.core.events.GatherStarted;
import org.patchbay.core.events.LocalEvents;
import org.patchbay.core.events.RecordStarted;
import org.patchbay.core.call.CallRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * Places one inbound call into the simulated Asterisk and follows it through Patchbay's call events
 * until its record is final, playing the caller's part from the script at each prompt. Its state
 * lives on this verticle's context, so it needs no locks.
 *
 * <p>What the caller heard comes from the simulator's log, stamped with the simulator's clock. Each
 * event is stamped with that clock as it is published, on the thread publishing it, so media that
 * Patchbay asked for after an event always sorts after it; stamping on delivery would come too late,
 * as the call goes on meanwhile.
 */
final class CallFollower extends VerticleBase {
    private final SimulatedAsterisk sim;
    private final CallScript script;
    private final String from;
    private final String to;
    private final double timeScale;
    private final Promise<Followed> ended = Promise.promise();
    private final List<Step> steps = new ArrayList<>();
    private final Handler<DeliveryContext<Object>> stamper = this::stamp;
    private Future<Void> chain;
    private InboundCall inbound;
    private String callSid;
    private CallRecord last;
    private int prompts;
    private DialledLegs calleeAnswers;

    CallFollower(SimulatedAsterisk sim, CallScript script, String from, String to, double timeScale) {
        this.sim = sim;
        this.script = script;
        this.from = from;
        this.to = to;
        this.timeScale = timeScale;
    }

    @Override
    public Future<?> start() {
        calleeAnswers = new DialledLegs(vertx, sim, timeScale, script.callees());
        vertx.eventBus().addOutboundInterceptor(stamper);
        Future<InboundCall> placed = calleeAnswers.prepare().compose(v -> sim.startInboundCall(from, to, "Simulated caller"));
        chain = placed.map(call -> {
            inbound = call;
            return null;
        });
        return placed;
    }

    @Override
    public Future<?> stop() {
        vertx.eventBus().removeOutboundInterceptor(stamper);
        return Future.succeededFuture();
    }

    /** Completes once the call has ended, with everything seen. */
    Future<Followed> whenEnded() {
        return ended.future();
    }

    /** What has been seen so far, for a call that has not ended in time. */
    Future<Followed> soFar() {
        Promise<Followed> seen = Promise.promise();
        context.runOnContext(v -> heardAll().map(heard -> new Followed(inbound, List.copyOf(steps), last, heard, false))
                .onComplete(seen));
        return seen.future();
    }

    /** Runs on the publishing thread: reads the clock, hands the event over, lets delivery go on. */
    private void stamp(DeliveryContext<Object> delivery) {
        if (LocalEvents.ADDRESS.equals(delivery.message().address()) && delivery.body() instanceof CallEvent event) {
            long simAt = sim.nowMillis();
            context.runOnContext(v -> chain = chain.map(ready -> {
                if (ours(event)) {
                    observe(event, simAt);
                }
                return null;
            }));
        }
        delivery.next();
    }

    private boolean ours(CallEvent event) {
        CallRecord call = event.call();
        if (call == null) {
            return false;
        }
        if (callSid == null && inbound.channelId().equals(call.channelId())) {
            callSid = call.sid();
        }
        return call.sid().equals(callSid) || isDialledLegStatus(event);
    }

    /** The status changes of the parties this call's {@code <Dial>} rings: the transcript tells each leg. */
    private boolean isDialledLegStatus(CallEvent event) {
        return callSid != null && callSid.equals(event.call().parentCallSid()) && event instanceof CallStatusChanged;
    }

    private void observe(CallEvent event, long simAt) {
        if (isDialledLegStatus(event)) {
            steps.add(Step.observed(event, simAt));
            calleeAnswers.onLeg((CallStatusChanged) event);
            return;
        }
        steps.add(Step.observed(event, simAt));
        last = event.call();
        Step step = steps.get(steps.size() - 1);
        if (event instanceof GatherStarted || event instanceof RecordStarted) {
            act(script.at(prompts++));
        } else if (step.callEnded() && event.call().status().isFinal()) {
            heardAll().map(heard -> new Followed(inbound, List.copyOf(steps), last, heard, true)).onComplete(ended);
        }
    }

    /** Failures are not followed up: a caller pressing keys into a call that has just ended changes nothing. */
    private void act(CallerAction action) {
        steps.add(Step.acted(action, sim.nowMillis()));
        String caller = inbound.callerChannelId();
        if (action instanceof CallerAction.Press press) {
            sim.pressDigits(caller, press.digits());
        } else if (action instanceof CallerAction.Speak speak) {
            long simMillis = Math.round(speak.seconds() * 1000);
            sim.speak(caller, simMillis);
            if (speak.digitsAfter() != null) {
                long realMillis = Math.max(1, (long) Math.ceil(simMillis * timeScale));
                vertx.setTimer(realMillis, id -> sim.pressDigits(caller, speak.digitsAfter()));
            }
        } else if (action instanceof CallerAction.HangUp) {
            sim.hangUp(caller);
        }
    }

    private Future<List<HeardEntry>> heardAll() {
        return inbound == null ? Future.succeededFuture(List.of()) : sim.heard(inbound.channelId());
    }
}
