package org.patchbay.asterisk.sim.engine;

import java.util.List;

/** Channels entering and leaving Stasis applications, with the events and subscriptions that go with it. */
final class Stasis {
    private final World world;

    Stasis(World world) {
        this.world = world;
    }

    static String appData(String app, List<String> args) {
        return args.isEmpty() ? app : app + "," + String.join(",", args);
    }

    /**
     * Hands the channel to {@code app}: ChannelVarset STASISSTATUS to those already watching, then StasisStart
     * to the app, which from then on sees the channel's events. Fails like {@code Stasis()} when the app has
     * no events socket.
     */
    boolean enter(Channel channel, String app, List<String> args) {
        if (!world.hub.isActive(app)) {
            return false;
        }
        channel.dialplan = channel.dialplan.running("Stasis", appData(app, args));
        world.emit(channel, world.events.varset(channel, "STASISSTATUS", ""));
        channel.subscribe(app, false);
        channel.stasisApp = app;
        channel.stasisArgs = List.copyOf(args);
        channel.wasInStasis = true;
        world.timings.stasisStarted(channel.id);
        world.hub.toApp(app, world.events.stasisStart(channel, args));
        return true;
    }

    /** StasisEnd to the app; an app that only watched the channel because it was in Stasis stops seeing it. */
    void leave(Channel channel) {
        String app = channel.stasisApp;
        if (app == null) {
            return;
        }
        world.hub.toApp(app, world.events.channel("StasisEnd", channel));
        channel.stasisApp = null;
        if (Boolean.FALSE.equals(channel.subscribers.get(app))) {
            channel.subscribers.remove(app);
        }
        world.emit(channel, world.events.varset(channel, "STASISSTATUS", "SUCCESS"));
    }
}
