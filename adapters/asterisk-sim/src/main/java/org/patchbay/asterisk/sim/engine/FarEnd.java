package org.patchbay.asterisk.sim.engine;

import org.patchbay.asterisk.sim.FarEndBehaviour;

/**
 * The far end of an outbound call, driven by its {@link OriginateRules.Outcome}. For a Local channel the
 * far end is the {@code ;2} half running the tiny dialplan of the captures ({@code Ringing}, {@code Wait},
 * {@code Answer}, {@code Busy(5)}, {@code Congestion(5)}), and an app that originated the call sees those
 * steps; other technologies only show the dialed channel's states and the Dial events.
 */
final class FarEnd {
    private final World world;
    private final Stasis stasis;
    private final Hangups hangups;
    private final AmdDialplan amd;

    FarEnd(World world, Stasis stasis, Hangups hangups) {
        this.world = world;
        this.stasis = stasis;
        this.hangups = hangups;
        this.amd = new AmdDialplan(world, stasis, hangups);
    }

    /** Starts dialing {@code out} (its {@link OutboundDial} is set); a timeout of 0 or less never gives up. */
    void dial(Channel out, OriginateRules.Outcome outcome, long timeoutMillis, boolean nonexistentContext) {
        Channel far = out.partner;
        if (nonexistentContext) {
            nonexistent(out, far);
            return;
        }
        if (out.dial.viaOriginate && far != null && !CallerId.EMPTY.equals(far.caller)) {
            world.emit(far, world.events.callerId(far));
            world.emit(far, world.events.channel("ChannelConnectedLine", far));
        }
        world.emit(out, world.events.dial(out, "", out.dial.dialstring));
        FarEndBehaviour behaviour = outcome.behaviour();
        boolean timesOut = timeoutMillis > 0 && outcome.ringMillis() >= timeoutMillis;
        if (behaviour == FarEndBehaviour.NO_ANSWER || timesOut) {
            ring(out, far, "120");
            if (timeoutMillis > 0) {
                world.after(out, timeoutMillis, () -> noAnswer(out, far));
            }
        } else if (outcome.ringMillis() > 0) {
            ring(out, far, String.valueOf(Math.max(1, (outcome.ringMillis() + 999) / 1000)));
            world.after(out, outcome.ringMillis(), () -> settle(out, far, behaviour));
        } else {
            settle(out, far, behaviour);
        }
    }

    private void ring(Channel out, Channel far, String waitSeconds) {
        if (far != null) {
            step(far, "Ringing", "");
        }
        out.state = "Ringing";
        world.emit(out, world.events.channel("ChannelStateChange", out));
        if (far != null) {
            step(far, "Wait", waitSeconds);
        }
        out.dial.ringing = true;
        world.emit(out, world.events.dial(out, "RINGING", out.dial.laterDialstring()));
    }

    private void settle(Channel out, Channel far, FarEndBehaviour behaviour) {
        switch (behaviour) {
            case BUSY -> refuse(out, far, "BUSY", "Busy", "5", Causes.BUSY);
            case FAIL -> refuse(out, far, "CONGESTION", "Congestion", "5", Causes.CONGESTION);
            case REJECT -> refuse(out, far, "CHANUNAVAIL", "Hangup", "21", Causes.REJECTED);
            default -> answer(out, far);
        }
    }

    private void answer(Channel out, Channel far) {
        if (far != null) {
            step(far, "Answer", "");
            far.state = "Up";
            world.emit(far, world.events.channel("ChannelStateChange", far));
            far.pendingDialplanStep = () -> step(far, "Wait", "120");
        }
        out.state = "Up";
        world.emit(out, world.events.channel("ChannelStateChange", out));
        OutboundDial dial = out.dial;
        out.dial = null;
        world.emit(out, world.events.dial(out, "ANSWER", dial.laterDialstring()));
        if (!dial.viaOriginate) {
            return;
        }
        if (dial.app != null) {
            if (!stasis.enter(out, dial.app, dial.appArgs)) {
                hangups.dialplanEnded(out);
            }
        } else if (AmdDialplan.runs(dial.destination)) {
            amd.start(out, dial.destination);
        } else if (dial.destination != null) {
            out.dialplan = dial.destination;
        }
    }

    /** Busy, congestion or rejection: an originated call is destroyed; a dialed Stasis channel stays, Down. */
    private void refuse(Channel out, Channel far, String dialStatus, String app, String appData, int cause) {
        if (far != null) {
            step(far, app, appData);
            if (cause != Causes.REJECTED) {
                far.state = "Busy";
                world.emit(far, world.events.channel("ChannelStateChange", far));
            }
        }
        OutboundDial dial = out.dial;
        out.dial = null;
        world.emit(out, world.events.dial(out, dialStatus, dial.laterDialstring()));
        if (!dial.viaOriginate) {
            if (far != null) {
                hangups.destroy(far, cause);
            }
            out.state = "Down";
            return;
        }
        if (far == null) {
            hangups.destroy(out, cause);
            return;
        }
        world.emit(far, world.events.hangupRequest(far, Causes.UNKNOWN, false));
        if (cause == Causes.CONGESTION) {
            hangups.destroy(out, Causes.UNKNOWN);
            world.emit(far, world.events.hangupRequest(far, Causes.NORMAL, true));
            hangups.destroy(far, cause);
        } else {
            world.emit(far, world.events.hangupRequest(far, Causes.NORMAL, true));
            hangups.destroy(far, cause);
            hangups.destroy(out, Causes.UNKNOWN);
        }
    }

    private void noAnswer(Channel out, Channel far) {
        OutboundDial dial = out.dial;
        out.dial = null;
        if (!dial.viaOriginate) {
            hangups.byApp(out, Causes.NO_ANSWER);
            return;
        }
        if (far == null) {
            hangups.destroy(out, Causes.NO_ANSWER);
            return;
        }
        world.emit(far, world.events.hangupRequest(far, Causes.NO_ANSWER, false));
        hangups.destroy(out, Causes.NO_ANSWER);
        world.emit(far, world.events.hangupRequest(far, Causes.NORMAL, true));
        hangups.destroy(far, Causes.NO_ANSWER);
    }

    /** The context does not exist: an originate just goes away; a dialed Stasis channel leaves Stasis and goes. */
    private void nonexistent(Channel out, Channel far) {
        OutboundDial dial = out.dial;
        out.dial = null;
        if (dial.viaOriginate) {
            hangups.destroy(far, Causes.UNKNOWN);
            hangups.destroy(out, Causes.UNKNOWN);
        } else {
            hangups.endQuietly(out, Causes.NORMAL);
        }
    }

    private void step(Channel far, String app, String data) {
        boolean started = !far.dialplan.appName().isEmpty();
        far.dialplan = far.dialplan.running(started ? far.dialplan.priority() + 1 : far.dialplan.priority(), app, data);
        world.emit(far, world.events.dialplan(far));
    }
}
