package org.patchbay.asterisk.sim.engine;

import io.vertx.core.Context;
import io.vertx.core.json.JsonObject;
import org.patchbay.asterisk.sim.SimOptions;
import org.patchbay.asterisk.sim.media.HttpMedia;
import org.patchbay.asterisk.sim.media.MediaCatalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * Everything the sim knows, shared by its services. It lives on the sim's single Vert.x context,
 * so nothing here is locked.
 */
final class World {
    final Context context;
    final SimOptions options;
    final SimClock clock;
    final Ids ids;
    final Events events;
    final EventHub hub;
    final MediaCatalog catalog;
    final HttpMedia httpMedia;
    final OriginateRules rules;
    final AmdCallees amdCallees = new AmdCallees();
    final HeardLogs heardLogs;
    final StasisTimings timings;
    final EndpointStates endpoints;
    final long startedAtMillis;
    final Map<String, Channel> channels = new LinkedHashMap<>();
    final Map<String, Bridge> bridges = new LinkedHashMap<>();
    final Map<String, Playback> playbacks = new LinkedHashMap<>();
    final Map<String, LiveRecording> recordings = new LinkedHashMap<>();
    final Map<String, StoredRecording> stored = new TreeMap<>();
    /** Audio frames between bridge members, external media sockets and callers. */
    final AudioPath audio = new AudioPath(this);
    final CallerAudio callerAudio = new CallerAudio(this);

    World(Context context, SimOptions options, SimClock clock, HttpMedia httpMedia) {
        this.context = context;
        this.options = options;
        this.clock = clock;
        this.ids = new Ids(clock);
        this.events = new Events(clock);
        this.hub = new EventHub(options.entityId(), clock);
        this.catalog = new MediaCatalog();
        this.httpMedia = httpMedia;
        this.rules = new OriginateRules(options.defaultRingMs());
        this.heardLogs = new HeardLogs(options.heardCallsKept());
        this.timings = new StasisTimings(options.heardCallsKept());
        this.endpoints = new EndpointStates(this);
        this.startedAtMillis = clock.nowMillis();
    }

    void emit(Channel channel, JsonObject event) {
        hub.toChannel(channel, event);
        endpoints.channelEvent(channel, event);
    }

    void emit(Bridge bridge, JsonObject event) {
        hub.toBridge(bridge, event);
    }

    /** Runs {@code action} right after the current request or event has been handled. */
    void defer(Runnable action) {
        context.runOnContext(ignored -> action.run());
    }

    /** Runs {@code action} after simulated time unless the channel is destroyed first. */
    void after(Channel channel, long simMillis, Runnable action) {
        long[] timer = new long[1];
        timer[0] = clock.after(simMillis, () -> {
            channel.forgetTimer(timer[0]);
            if (!channel.destroyed) {
                action.run();
            }
        });
        channel.addTimer(timer[0]);
    }

    void cancelTimers(Channel channel) {
        channel.timers().forEach(clock::cancel);
        channel.timers().clear();
    }

    Channel channel(String id) {
        Channel channel = channels.get(id);
        if (channel == null) {
            throw AriError.notFound("Channel not found");
        }
        return channel;
    }

    Channel stasisChannel(String id) {
        Channel channel = channel(id);
        if (!channel.inStasis()) {
            throw AriError.notInStasis();
        }
        return channel;
    }

    Bridge bridge(String id) {
        Bridge bridge = bridges.get(id);
        if (bridge == null) {
            throw AriError.notFound("Bridge not found");
        }
        return bridge;
    }

    /** The channel the app talks to for the call {@code id} names (the caller's leg maps to its Stasis leg). */
    Channel appSide(String id) {
        Channel channel = channels.get(id);
        if (channel == null) {
            throw new NoSuchElementException("no live channel " + id);
        }
        boolean farHalf = channel.role == Channel.Role.CALLER_LEG || channel.role == Channel.Role.LOCAL_FAR;
        return farHalf && channel.partner != null && channel.partner.alive() ? channel.partner : channel;
    }
}
