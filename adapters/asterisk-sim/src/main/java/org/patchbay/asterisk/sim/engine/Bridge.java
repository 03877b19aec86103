package org.patchbay.asterisk.sim.engine;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Stasis bridge: its members, the apps subscribed to it, and what it plays to them. */
final class Bridge {
    final String id;
    final String name;
    final String bridgeType;
    final String creationtime;
    final List<Channel> members = new ArrayList<>();
    /** Bridge playbacks run one after another, like the announcer channel Asterisk puts in the bridge. */
    final CommandQueue playbacks = new CommandQueue();
    /** A bridge recording runs as a command here, so destroying the bridge ends it like a hang-up would. */
    final CommandQueue recordings = new CommandQueue();
    /** The audio of all members' far ends, for bridge recordings. */
    final AudioFeed mixed = new AudioFeed();
    final Map<Channel, AudioFeed.Listener> memberAudio = new HashMap<>();
    private final Map<String, Integer> subscriptions = new LinkedHashMap<>();

    final Map<Channel, HeardLog.Item> mohHeard = new HashMap<>();
    LiveRecording recording;
    boolean mohOn;
    String mohClass;
    boolean announcing;
    /** The last two parties that formed a two-party bridge; connected lines change only when it changes. */
    List<String> lastPair = List.of();
    boolean destroyed;

    Bridge(String id, String name, String bridgeType, String creationtime) {
        this.id = id;
        this.name = name;
        this.bridgeType = bridgeType;
        this.creationtime = creationtime;
    }

    boolean mixing() {
        return "mixing".equals(bridgeType);
    }

    /** Asterisk subscribes a channel's app to the bridge per channel added, and drops one per channel that leaves alive. */
    void subscribe(String app) {
        subscriptions.merge(app, 1, Integer::sum);
    }

    void unsubscribe(String app) {
        subscriptions.computeIfPresent(app, (key, count) -> count > 1 ? count - 1 : null);
    }

    Map<String, Integer> subscriptions() {
        return subscriptions;
    }

    JsonObject toJson() {
        JsonArray channels = new JsonArray();
        members.forEach(member -> channels.add(member.id));
        return new JsonObject()
                .put("id", id)
                .put("technology", technology())
                .put("bridge_type", bridgeType)
                .put("bridge_class", "stasis")
                .put("creator", "Stasis")
                .put("name", name)
                .put("channels", channels)
                .put("creationtime", creationtime)
                .put("video_mode", mixing() ? "talker" : "none");
    }

    private String technology() {
        if (!mixing()) {
            return "holding_bridge";
        }
        return members.size() > 2 ? "softmix" : "simple_bridge";
    }
}
