package org.patchbay.asterisk.sim.engine;

/**
 * Hanging channels up in the order Asterisk reports it. For a channel {@code X} with a Local partner
 * {@code P}: X's hang-up request, X's media and bridge and Stasis teardown, (a soft request if X runs
 * dialplan), P's hang-up request (cause 16), X destroyed, then P torn down and destroyed the same way.
 */
final class Hangups {
    private static final int SOFTHANGUP_EXPLICIT = 32;

    private final World world;
    private final Stasis stasis;
    private final Bridging bridging;
    private final Moh moh;

    Hangups(World world, Stasis stasis, Bridging bridging, Moh moh) {
        this.world = world;
        this.stasis = stasis;
        this.bridging = bridging;
        this.moh = moh;
    }

    /** {@code DELETE /channels/{id}}: a soft hang-up request (32), then the channel goes with {@code cause}. */
    void byApp(Channel channel, int cause) {
        hangUp(channel, SOFTHANGUP_EXPLICIT, true, cause);
    }

    /** The far end hung up: a hard hang-up request carrying the cause. */
    void byFarEnd(Channel channel, int cause) {
        hangUp(channel, cause, false, cause);
    }

    void hangUp(Channel channel, int requestCause, boolean soft, int destroyCause) {
        if (!channel.alive()) {
            return;
        }
        channel.hangingUp = true;
        channel.hangupCause = destroyCause;
        world.emit(channel, world.events.hangupRequest(channel, requestCause, soft));
        finish(channel, true);
    }

    /** The channel ran out of dialplan (after Stasis, or when Stasis failed): it hangs up without a request. */
    void dialplanEnded(Channel channel) {
        if (!channel.alive()) {
            return;
        }
        channel.hangingUp = true;
        channel.hangupCause = Causes.NORMAL;
        finish(channel, false);
    }

    /**
     * A created channel that cannot go on (dialed into a missing context, or its app has no socket): it leaves
     * Stasis and is destroyed without a hang-up request; its other half, which never ran, goes silently.
     */
    void endQuietly(Channel channel, int cause) {
        if (!channel.alive()) {
            return;
        }
        channel.hangingUp = true;
        release(channel);
        destroy(channel, cause);
        if (channel.partner != null) {
            destroy(channel.partner, cause);
        }
    }

    /** Emits ChannelDestroyed and forgets the channel, without any teardown (for calls that never got going). */
    void destroy(Channel channel, int cause) {
        if (channel.destroyed) {
            return;
        }
        channel.hangingUp = true;
        world.cancelTimers(channel);
        channel.control.close();
        channel.dialplan = finalDialplan(channel);
        channel.destroyed = true;
        world.emit(channel, world.events.destroyed(channel, cause));
        world.channels.remove(channel.id);
        if (channel.snooped != null) {
            channel.snooped.snoops.remove(channel);
        }
        world.audio.destroyed(channel);
    }

    /** @param requested whether a hang-up was requested, which a channel back in its dialplan reports again */
    private void finish(Channel channel, boolean requested) {
        cancelOutboundDial(channel);
        release(channel);
        if (requested && channel.runsDialplan()) {
            world.emit(channel, world.events.hangupRequest(channel, Causes.NORMAL, true));
        }
        Channel partner = channel.partner;
        boolean partnerFollows = partner != null && partner.alive();
        if (partnerFollows) {
            partner.hangingUp = true;
            partner.hangupCause = "Up".equals(partner.state) ? Causes.NORMAL : Causes.UNKNOWN;
            world.emit(partner, world.events.hangupRequest(partner, Causes.NORMAL, false));
        }
        destroy(channel, channel.hangupCause);
        if (partnerFollows) {
            finish(partner, true);
        }
        // A snoop goes with the channel it listens to, reporting no hang-up request: it leaves its bridge and Stasis.
        for (Channel snoop : java.util.List.copyOf(channel.snoops)) {
            endQuietly(snoop, Causes.NORMAL);
        }
    }

    /** A channel still being dialed by an originate tells its watchers the dial ended unanswered. */
    private void cancelOutboundDial(Channel channel) {
        OutboundDial dial = channel.dial;
        channel.dial = null;
        if (dial != null && dial.viaOriginate) {
            world.emit(channel, world.events.dial(channel, "NOANSWER", dial.dialstring));
        }
    }

    private void release(Channel channel) {
        world.cancelTimers(channel);
        channel.control.close();
        moh.stop(channel);
        bridging.leaveOnHangup(channel);
        stasis.leave(channel);
    }

    /** After its app is gone a channel reports the application it was created with, or none. */
    private static Dialplan finalDialplan(Channel channel) {
        boolean originatedHalf = channel.originated
                && (channel.role == Channel.Role.CALLER_LEG || channel.role == Channel.Role.LOCAL_OUT
                || channel.role == Channel.Role.DIRECT);
        return originatedHalf
                ? channel.dialplan.running("AppDial2", "(Outgoing Line)")
                : channel.dialplan.running("", "");
    }
}
