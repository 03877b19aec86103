package org.patchbay.testkit.telephony;

import org.patchbay.core.telephony.TelephonyEvent;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The memory PBX's bridges and who is in them, with Asterisk's enter, leave and destroy events. */
final class MemoryBridges {
    private final MemoryTelephony pbx;
    private final Map<String, List<String>> members = new ConcurrentHashMap<>();

    MemoryBridges(MemoryTelephony pbx) {
        this.pbx = pbx;
    }

    void create(String bridgeId) {
        members.put(bridgeId, new CopyOnWriteArrayList<>());
    }

    boolean exists(String bridgeId) {
        return members.containsKey(bridgeId);
    }

    List<String> ids() {
        return List.copyOf(members.keySet());
    }

    void add(String bridgeId, String channelId) {
        List<String> in = members.get(bridgeId);
        if (in != null) {
            in.add(channelId);
            pbx.emit(new TelephonyEvent.ChannelEnteredBridge(bridgeId, channelId));
        }
    }

    void remove(String bridgeId, String channelId) {
        List<String> in = members.get(bridgeId);
        if (in != null && in.remove(channelId)) {
            pbx.emit(new TelephonyEvent.ChannelLeftBridge(bridgeId, channelId));
        }
    }

    boolean destroy(String bridgeId) {
        List<String> in = members.remove(bridgeId);
        if (in == null) {
            return false;
        }
        pbx.later(() -> {
            in.forEach(channelId -> pbx.emit(new TelephonyEvent.ChannelLeftBridge(bridgeId, channelId)));
            pbx.emit(new TelephonyEvent.BridgeDestroyed(bridgeId));
        });
        return true;
    }

    /** A channel that hangs up leaves every bridge it was in. */
    void leave(String channelId) {
        members.forEach((bridgeId, in) -> remove(bridgeId, channelId));
    }
}
