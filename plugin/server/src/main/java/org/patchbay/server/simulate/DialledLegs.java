package org.patchbay.server.simulate;

import io.vertx.core.Vertx;
import org.patchbay.asterisk.sim.SimulatedAsterisk;
import org.patchbay.core.events.CallStatusChanged;

/**
 * What the parties a {@code <Dial>} rings do in a simulation: the simulated Asterisk answers them
 * after its ring time, and each hangs up {@link #TALK_MILLIS} (simulated) after answering, so that a
 * call with a {@code <Dial>} ends on its own instead of waiting for the time limit.
 */
final class DialledLegs {
    static final long TALK_MILLIS = 3000;

    private final Vertx vertx;
    private final SimulatedAsterisk sim;
    private final double timeScale;

    DialledLegs(Vertx vertx, SimulatedAsterisk sim, double timeScale) {
        this.vertx = vertx;
        this.sim = sim;
        this.timeScale = timeScale;
    }

    void onLeg(CallStatusChanged status) {
        if ("answered".equals(status.progress()) && status.call().channelId() != null) {
            long realMillis = Math.max(1, Math.round(TALK_MILLIS * timeScale));
            String channelId = status.call().channelId();
            vertx.setTimer(realMillis, id -> sim.hangUp(channelId));
        }
    }
}
