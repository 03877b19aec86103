package org.patchbay.asterisk.sim.engine;

/**
 * Music on hold started on a channel. The channel's far end hears it; and on a Local channel the
 * other half receives it as audio, which is how the captures feed audio to a recording.
 */
final class Moh {
    private final World world;

    Moh(World world) {
        this.world = world;
    }

    void start(Channel channel, String mohClass) {
        if (channel.mohOn) {
            return;
        }
        channel.mohOn = true;
        if (channel.heard != null) {
            channel.mohHeard = channel.heard.add("moh", mohClass, "playing", world.clock.nowMillis());
        }
        if (channel.partner != null && channel.partner.alive()) {
            channel.partner.incoming.addSource();
        }
    }

    void stop(Channel channel) {
        if (!channel.mohOn) {
            return;
        }
        channel.mohOn = false;
        if (channel.mohHeard != null) {
            channel.mohHeard.finish("stopped");
            channel.mohHeard = null;
        }
        if (channel.partner != null && !channel.partner.destroyed) {
            channel.partner.incoming.removeSource();
        }
    }
}
