package org.patchbay.asterisk.sim.engine;

/**
 * Where audio frames go. A frame a channel sends into its bridge reaches every other member: an external media
 * channel passes it to its app; any other member's far end (the caller) hears it. Frames are forwarded as they
 * are, not mixed: in a bridge of three or more, each member gets every other member's frames. A snoop channel
 * sends into its own bridge what its target reads from the caller (spy {@code in}) or what is written to the caller
 * from the target's bridge (spy {@code out}); {@code both} forwards both, unmixed. Playbacks produce no frames here,
 * so a snoop hears a prompt as nothing (real Asterisk would hand it the prompt's audio).
 */
final class AudioPath {
    private final World world;

    AudioPath(World world) {
        this.world = world;
    }

    /** The far end of {@code appSide} (the caller) sent a frame: it goes into the bridge appSide is in, if any. */
    void fromFarEnd(Channel appSide, byte[] frame) {
        toSnoops(appSide, frame, "in");
        fromChannel(appSide, frame);
    }

    void fromChannel(Channel source, byte[] frame) {
        Bridge bridge = source.bridge;
        if (bridge == null) {
            return;
        }
        for (Channel member : bridge.members) {
            if (member != source && member.alive()) {
                if (member.media != null) {
                    member.media.fromBridge(frame);
                } else {
                    world.callerAudio.heard(member, frame);
                    toSnoops(member, frame, "out");
                }
            }
        }
    }

    private void toSnoops(Channel target, byte[] frame, String direction) {
        for (Channel snoop : target.snoops) {
            if (snoop.alive() && (direction.equals(snoop.spy) || "both".equals(snoop.spy))) {
                fromChannel(snoop, frame);
            }
        }
    }

    /** Caller DTMF on {@code receiver} also reaches the external media channels bridged with it, as DTMF_END. */
    void dtmfReceived(Channel receiver, char digit) {
        Bridge bridge = receiver.bridge;
        if (bridge == null) {
            return;
        }
        for (Channel member : bridge.members) {
            if (member != receiver && member.media != null) {
                member.media.dtmf(digit);
            }
        }
    }

    void destroyed(Channel channel) {
        if (channel.media != null) {
            channel.media.channelDestroyed();
        }
    }
}
