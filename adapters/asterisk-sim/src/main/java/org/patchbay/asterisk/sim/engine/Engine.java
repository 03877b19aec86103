package org.patchbay.asterisk.sim.engine;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.patchbay.asterisk.sim.SimOptions;
import org.patchbay.asterisk.sim.media.HttpMedia;

/** Wires the simulated world and its services; everything here must be used on {@code context}. */
public final class Engine {
    private final World world;
    private final HttpMedia httpMedia;
    private final ChannelOps channels;
    private final Snooping snooping;
    private final Dialer dialer;
    private final Bridging bridging;
    private final Playbacks playbacks;
    private final Recorder recorder;
    private final StoredRecordings stored;
    private final Info info;
    private final SimControl control;
    private final ExternalMedia externalMedia;

    public Engine(Vertx vertx, Context context, SimOptions options) {
        this.httpMedia = new HttpMedia(vertx);
        SimClock clock = new SimClock(vertx, options.timeScale());
        this.world = new World(context, options, clock, httpMedia);
        Stasis stasis = new Stasis(world);
        Moh moh = new Moh(world);
        this.bridging = new Bridging(world);
        this.playbacks = new Playbacks(world, bridging);
        this.recorder = new Recorder(world);
        this.stored = new StoredRecordings(world);
        Dtmf dtmf = new Dtmf(world, recorder);
        Hangups hangups = new Hangups(world, stasis, bridging, moh);
        Inbound inbound = new Inbound(world, stasis, hangups);
        this.dialer = new Dialer(world, stasis, hangups, inbound, bridging);
        this.snooping = new Snooping(world, stasis, hangups);
        this.channels = new ChannelOps(world, hangups, inbound, moh, dtmf, stasis);
        this.info = new Info(world);
        this.control = new SimControl(world, dialer, dtmf, hangups);
        this.externalMedia = new ExternalMedia(world, stasis, hangups);
    }

    public ChannelOps channels() {
        return channels;
    }

    public Dialer dialer() {
        return dialer;
    }

    public Snooping snooping() {
        return snooping;
    }

    public Bridging bridges() {
        return bridging;
    }

    public Playbacks playbacks() {
        return playbacks;
    }

    public Recorder recorder() {
        return recorder;
    }

    public StoredRecordings stored() {
        return stored;
    }

    public ExternalMedia externalMedia() {
        return externalMedia;
    }

    public CallerAudio callerAudio() {
        return world.callerAudio;
    }

    public Info info() {
        return info;
    }

    public SimControl control() {
        return control;
    }

    public EventHub hub() {
        return world.hub;
    }

    public SimClock clock() {
        return world.clock;
    }

    public StasisTimings timings() {
        return world.timings;
    }

    public void close() {
        world.hub.disconnectAll();
        httpMedia.close();
    }
}
