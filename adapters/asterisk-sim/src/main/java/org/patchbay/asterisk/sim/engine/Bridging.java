package org.patchbay.asterisk.sim.engine;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Bridges: creating, joining, leaving and destroying them, and the music on hold they play. */
public final class Bridging {
    private final World world;
    private final ConnectedLines connectedLines;

    Bridging(World world) {
        this.world = world;
        this.connectedLines = new ConnectedLines(world);
    }

    public JsonObject create(String type, String bridgeId, String name) {
        String id = bridgeId == null || bridgeId.isEmpty() ? UUID.randomUUID().toString() : bridgeId;
        if (world.bridges.containsKey(id)) {
            throw AriError.conflict("Bridge with id '" + id + "' already exists");
        }
        String bridgeType = type != null && List.of(type.split(",")).contains("holding") ? "holding" : "mixing";
        Bridge bridge = new Bridge(id, name == null ? "" : name, bridgeType, world.clock.timestamp());
        world.bridges.put(id, bridge);
        return bridge.toJson();
    }

    public JsonArray list() {
        JsonArray out = new JsonArray();
        world.bridges.values().forEach(bridge -> out.add(bridge.toJson()));
        return out;
    }

    public JsonObject get(String bridgeId) {
        return world.bridge(bridgeId).toJson();
    }

    /** Each channel joins through its own control queue, so a channel that is playing joins when it is done. */
    public Future<Void> addChannels(String bridgeId, List<String> channelIds) {
        Bridge bridge = world.bridge(bridgeId);
        List<Channel> channels = existing(channelIds);
        for (Channel channel : channels) {
            if (!channel.inStasis()) {
                throw AriError.unprocessable("Channel not in Stasis application");
            }
        }
        List<Future<Void>> joins = new ArrayList<>();
        for (Channel channel : channels) {
            joins.add(queued(channel, () -> join(bridge, channel)));
        }
        return Future.all(joins).mapEmpty();
    }

    public Future<Void> removeChannels(String bridgeId, List<String> channelIds) {
        Bridge bridge = world.bridge(bridgeId);
        List<Channel> channels = existing(channelIds);
        for (Channel channel : channels) {
            if (channel.bridge != bridge) {
                throw AriError.unprocessable("Channel not in this bridge");
            }
        }
        List<Future<Void>> leaves = new ArrayList<>();
        for (Channel channel : channels) {
            leaves.add(queued(channel, () -> {
                if (channel.bridge == bridge) {
                    leave(bridge, channel, true);
                }
            }));
        }
        return Future.all(leaves).mapEmpty();
    }

    /** Every channel named, or 400 if one is unknown: Asterisk finds them all before it checks any. */
    private List<Channel> existing(List<String> channelIds) {
        List<Channel> channels = new ArrayList<>();
        for (String channelId : channelIds) {
            Channel channel = world.channels.get(channelId);
            if (channel == null) {
                throw AriError.badRequest("Channel not found");
            }
            channels.add(channel);
        }
        return channels;
    }

    public void destroy(String bridgeId) {
        Bridge bridge = world.bridge(bridgeId);
        for (Channel member : List.copyOf(bridge.members)) {
            leave(bridge, member, true);
        }
        bridge.destroyed = true;
        stopMohOn(bridge);
        bridge.playbacks.close();
        bridge.recordings.close();
        world.emit(bridge, world.events.bridge("BridgeDestroyed", bridge));
        world.bridges.remove(bridge.id);
    }

    public void startMoh(String bridgeId, String mohClass) {
        Bridge bridge = world.bridge(bridgeId);
        if (bridge.mohOn) {
            return;
        }
        bridge.mohOn = true;
        bridge.mohClass = mohClass == null || mohClass.isEmpty() ? "default" : mohClass;
        bridge.members.forEach(member -> hearMoh(bridge, member));
        connectedLines.participantsChanged(bridge, ConnectedLines.MOH);
    }

    public void stopMoh(String bridgeId) {
        stopMohOn(world.bridge(bridgeId));
    }

    void leaveOnHangup(Channel channel) {
        if (channel.bridge != null) {
            leave(channel.bridge, channel, false);
        }
    }

    /** The bridge's announcer joins while a bridge playback plays and leaves after it. */
    void announcing(Bridge bridge, boolean on) {
        if (bridge.announcing != on && !bridge.destroyed) {
            bridge.announcing = on;
            connectedLines.participantsChanged(bridge, on ? ConnectedLines.ANNOUNCER : null);
        }
    }

    /** A channel that joined a bridge while Down updates its peer's connected line once it is dialed. */
    void dialing(Channel channel) {
        Runnable update = channel.pendingPeerUpdate;
        channel.pendingPeerUpdate = null;
        if (update != null) {
            update.run();
        }
    }

    private void join(Bridge bridge, Channel channel) {
        if (bridge.destroyed || !channel.alive() || !channel.inStasis() || channel.bridge == bridge) {
            return;
        }
        if (channel.bridge != null) {
            leave(channel.bridge, channel, true);
        }
        bridge.members.add(channel);
        channel.bridge = bridge;
        bridge.subscribe(channel.stasisApp);
        world.emit(bridge, world.events.bridgeChannel("ChannelEnteredBridge", bridge, channel));
        AudioFeed.Listener mix = active -> {
            if (active) {
                bridge.mixed.addSource();
            } else {
                bridge.mixed.removeSource();
            }
        };
        bridge.memberAudio.put(channel, mix);
        channel.incoming.listen(mix);
        if (channel.incoming.active()) {
            bridge.mixed.addSource();
        }
        if (bridge.mohOn) {
            hearMoh(bridge, channel);
        }
        connectedLines.participantsChanged(bridge, channel);
    }

    /** Only a channel that leaves alive (removed, or the bridge destroyed) drops its app's bridge subscription. */
    private void leave(Bridge bridge, Channel channel, boolean alive) {
        bridge.members.remove(channel);
        channel.bridge = null;
        world.emit(bridge, world.events.bridgeChannel("ChannelLeftBridge", bridge, channel));
        if (alive && channel.stasisApp != null) {
            bridge.unsubscribe(channel.stasisApp);
        }
        AudioFeed.Listener mix = bridge.memberAudio.remove(channel);
        if (mix != null) {
            channel.incoming.unlisten(mix);
            if (channel.incoming.active()) {
                bridge.mixed.removeSource();
            }
        }
        HeardLog.Item mohItem = bridge.mohHeard.remove(channel);
        if (mohItem != null) {
            mohItem.finish("stopped");
        }
        connectedLines.participantsChanged(bridge, null);
    }

    private void stopMohOn(Bridge bridge) {
        if (!bridge.mohOn) {
            return;
        }
        bridge.mohOn = false;
        bridge.mohHeard.values().forEach(item -> item.finish("stopped"));
        bridge.mohHeard.clear();
        if (!bridge.destroyed) {
            connectedLines.participantsChanged(bridge, null);
        }
    }

    private void hearMoh(Bridge bridge, Channel member) {
        if (member.heard != null) {
            bridge.mohHeard.put(member, member.heard.add("moh", bridge.mohClass, "playing", world.clock.nowMillis()));
        }
    }

    private static Future<Void> queued(Channel channel, Runnable action) {
        Promise<Void> done = Promise.promise();
        channel.control.submit(new CommandQueue.Command() {
            @Override
            public void run(CommandQueue queue) {
                action.run();
                queue.done(this);
                done.tryComplete();
            }

            @Override
            public void abort(boolean wasRunning) {
                done.tryComplete();
            }
        });
        return done.future();
    }
}
