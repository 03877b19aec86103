package org.patchbay.asterisk.sim.engine;

import io.vertx.core.Future;
import org.patchbay.asterisk.sim.AmdCallee;
import org.patchbay.asterisk.sim.FarEndBehaviour;
import org.patchbay.asterisk.sim.HeardEntry;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.asterisk.sim.SimState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * What tests, benchmarks and the sandbox do to the simulated world: play the caller (call, press digits,
 * speak, hang up), script far ends, and look inside. Runs on the sim's context; a channel id may name
 * either leg of a call.
 */
public final class SimControl {
    private final World world;
    private final Dialer dialer;
    private final Dtmf dtmf;
    private final Hangups hangups;

    SimControl(World world, Dialer dialer, Dtmf dtmf, Hangups hangups) {
        this.world = world;
        this.dialer = dialer;
        this.dtmf = dtmf;
        this.hangups = hangups;
    }

    public InboundCall startInboundCall(String from, String to, String callerName) {
        if (to == null || to.isEmpty()) {
            throw new IllegalArgumentException("an inbound call needs the number it is to");
        }
        Channel caller = dialer.inboundCall(from, to, callerName);
        return new InboundCall(caller.id, caller.partner.id);
    }

    /** A phone registered at {@code endpoint} calls {@code to}: one channel, caller and Stasis leg at once. */
    public InboundCall startEndpointCall(String endpoint, String to, String callerName) {
        Channel phone = dialer.endpointCall(endpoint, to, callerName);
        return new InboundCall(phone.id, phone.id);
    }

    public Future<Void> pressDigits(String channelId, String digits, int betweenMillis, int durationMillis) {
        return dtmf.press(world.appSide(channelId), digits, betweenMillis, durationMillis);
    }

    /** The far end hangs up: the caller's leg of an inbound call, the far half of a Local call, or the remote phone. */
    public void hangUp(String channelId) {
        Channel appSide = world.appSide(channelId);
        Channel far = appSide.partner;
        if (far != null && far.alive()) {
            hangups.byApp(far, Causes.NORMAL);
        } else {
            hangups.byFarEnd(appSide, Causes.NORMAL);
        }
    }

    public void speak(String channelId, long millis) {
        Channel receiver = world.appSide(channelId);
        startSpeaking(receiver);
        receiver.speechTimer = world.clock.after(millis, () -> stopSpeaking(receiver));
    }

    public void startSpeaking(String channelId) {
        startSpeaking(world.appSide(channelId));
    }

    public void stopSpeaking(String channelId) {
        stopSpeaking(world.appSide(channelId));
    }

    public void addRule(String endpointGlob, FarEndBehaviour behaviour, long ringMillis) {
        world.rules.add(endpointGlob, behaviour, ringMillis);
    }

    /** Who answers originates to endpoints matching {@code endpointGlob} that run answering-machine detection. */
    public void addAmdCallee(String endpointGlob, AmdCallee callee) {
        world.amdCallees.add(endpointGlob, callee);
    }

    /** A phone at {@code endpoint} ({@code PJSIP/alice}) registers ({@code online}) or drops off ({@code offline}). */
    public void setEndpointState(String endpoint, String state) {
        world.endpoints.set(Endpoint.parse(endpoint).toString(), state);
    }

    /** The device goes in or out of use: {@code INUSE}, {@code NOT_INUSE}, {@code RINGING}, {@code UNAVAILABLE}, … */
    public void setDeviceState(String device, String state) {
        world.endpoints.setDevice(device, state);
    }

    public void clearRules() {
        world.rules.clear();
        world.amdCallees.clear();
    }

    public void registerSound(String name, long millis) {
        world.catalog.register(name, millis);
    }

    public void setTimeScale(double scale) {
        world.clock.setScale(scale);
    }

    public List<HeardEntry> heard(String channelId) {
        HeardLog log = world.heardLogs.find(channelId);
        if (log == null) {
            throw new NoSuchElementException("no call with channel " + channelId);
        }
        return log.entries();
    }

    public SimState state() {
        return new SimState(new ArrayList<>(world.channels.keySet()), new ArrayList<>(world.bridges.keySet()),
                new ArrayList<>(world.playbacks.keySet()), new ArrayList<>(world.recordings.keySet()));
    }

    public Map<String, Integer> mediaFetches() {
        return world.httpMedia.fetchCounts();
    }

    public void disconnectEventSockets() {
        world.hub.disconnectAll();
    }

    private void startSpeaking(Channel receiver) {
        world.clock.cancel(receiver.speechTimer);
        receiver.speechTimer = -1;
        if (!receiver.speaking) {
            receiver.speaking = true;
            receiver.incoming.addSource();
        }
    }

    private void stopSpeaking(Channel receiver) {
        world.clock.cancel(receiver.speechTimer);
        receiver.speechTimer = -1;
        if (receiver.speaking) {
            receiver.speaking = false;
            receiver.incoming.removeSource();
        }
    }
}
