package org.patchbay.server.simulate;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.patchbay.asterisk.sim.SimulatedAsterisk;
import org.patchbay.core.events.CallStatusChanged;

import java.util.List;

/**
 * What the parties a {@code <Dial>} rings do in a simulation: as the script's {@code callee} lines say
 * (see {@link CalleeRule}), else the simulated Asterisk answers them after its ring time; each that
 * answers hangs up after its talk time ({@link #TALK_MILLIS} simulated by default), so that a call
 * with a {@code <Dial>} ends on its own instead of waiting for the time limit.
 */
final class DialledLegs {
    static final long TALK_MILLIS = 3000;

    private final Vertx vertx;
    private final SimulatedAsterisk sim;
    private final double timeScale;
    private final List<CalleeRule> rules;

    DialledLegs(Vertx vertx, SimulatedAsterisk sim, double timeScale, List<CalleeRule> rules) {
        this.vertx = vertx;
        this.sim = sim;
        this.timeScale = timeScale;
        this.rules = rules;
    }

    /** Tells the simulated Asterisk how each scripted party answers; the first rule that matches wins there too. */
    Future<Void> prepare() {
        Future<Void> ready = Future.succeededFuture();
        for (CalleeRule rule : rules) {
            ready = ready.compose(v -> sim.addOriginateRule(rule.endpointGlob(), rule.behaviour(), CalleeRule.RING_MILLIS));
        }
        return ready;
    }

    void onLeg(CallStatusChanged status) {
        if ("answered".equals(status.progress()) && status.call().channelId() != null) {
            long talkMillis = rules.stream().filter(r -> r.covers(status.call().to())).findFirst()
                    .map(r -> Math.round(r.talkSeconds() * 1000)).orElse(TALK_MILLIS);
            long realMillis = Math.max(1, Math.round(talkMillis * timeScale));
            String channelId = status.call().channelId();
            vertx.setTimer(realMillis, id -> sim.hangUp(channelId));
        }
    }
}
