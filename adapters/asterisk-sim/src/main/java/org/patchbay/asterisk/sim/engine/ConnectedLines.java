package org.patchbay.asterisk.sim.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Connected-line updates in mixing bridges, as captured: when the bridge comes down to a new pair of
 * parties (channels, or the announcer / music-on-hold channel Asterisk adds), each channel of the pair
 * learns the other's caller id, the newcomer first. A Local channel passes the news to its other half
 * as a caller-id change.
 */
final class ConnectedLines {
    static final String MOH = "moh";
    static final String ANNOUNCER = "announcer";

    private final World world;

    ConnectedLines(World world) {
        this.world = world;
    }

    /** @param joiner the channel or pseudo party that just joined, or {@code null} when someone left */
    void participantsChanged(Bridge bridge, Object joiner) {
        if (!bridge.mixing()) {
            return;
        }
        List<Object> parties = new ArrayList<>(bridge.members);
        if (bridge.mohOn) {
            parties.add(MOH);
        }
        if (bridge.announcing) {
            parties.add(ANNOUNCER);
        }
        if (parties.size() != 2) {
            return;
        }
        List<String> pair = new ArrayList<>(List.of(key(parties.get(0)), key(parties.get(1))));
        pair.sort(null);
        if (pair.equals(bridge.lastPair)) {
            return;
        }
        bridge.lastPair = List.copyOf(pair);
        Object newest = joiner != null && parties.contains(joiner) ? joiner : parties.get(1);
        Object older = parties.get(0) == newest ? parties.get(1) : parties.get(0);
        update(newest, older);
        if (newest instanceof Channel newcomer && "Down".equals(newcomer.state)) {
            newcomer.pendingPeerUpdate = () -> update(older, newest);
        } else {
            update(older, newest);
        }
    }

    private void update(Object target, Object peer) {
        if (!(target instanceof Channel channel) || !channel.alive()) {
            return;
        }
        CallerId learned = peer instanceof Channel peerChannel ? peerChannel.caller : CallerId.EMPTY;
        if (CallerId.EMPTY.equals(learned) && CallerId.EMPTY.equals(channel.connected)) {
            // An empty connected line that stays empty is no update (a snoop bridged with a media channel: fork-media.jsonl).
            return;
        }
        channel.connected = learned;
        world.emit(channel, world.events.channel("ChannelConnectedLine", channel));
        Channel partner = channel.partner;
        if (partner != null && partner.alive()) {
            partner.caller = channel.connected;
            Runnable reached = partner.pendingDialplanStep;
            partner.pendingDialplanStep = null;
            if (reached != null) {
                reached.run();
            }
            world.emit(partner, world.events.callerId(partner));
        }
    }

    private static String key(Object party) {
        return party instanceof Channel channel ? channel.id : (String) party;
    }
}
