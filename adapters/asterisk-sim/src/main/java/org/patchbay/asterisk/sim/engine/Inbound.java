package org.patchbay.asterisk.sim.engine;

import java.util.List;

/**
 * Inbound calls as the captures make them: a Local channel to {@code EXT@stasis-in} whose {@code ;1} half
 * is the caller and whose {@code ;2} half runs {@code NoOp} then {@code Stasis(<app>,EXT)}. Answering
 * the Stasis leg answers the caller's leg too.
 */
final class Inbound {
    static final String CONTEXT = "stasis-in";
    /** Where registered phones' calls start, as in the repository's dialplan/extensions.conf. */
    static final String PHONES_CONTEXT = "patchbay-inbound";

    private final World world;
    private final Stasis stasis;
    private final Hangups hangups;

    Inbound(World world, Stasis stasis, Hangups hangups) {
        this.world = world;
        this.stasis = stasis;
        this.hangups = hangups;
    }

    /**
     * Creates the call and returns the caller's leg; the Stasis leg arrives right after.
     *
     * @param originatorApp the app that originated the caller's leg over ARI (it sees both halves), or null
     */
    Channel call(String exten, CallerId callerId, String originatorApp, List<String> originatorArgs,
                 String callerLegId, String stasisLegId) {
        String suffix = world.ids.nextNameSuffix();
        String creationtime = world.clock.timestamp();
        String namePrefix = "Local/" + exten + "@" + CONTEXT + "-" + suffix;
        String callerId1 = callerLegId != null ? callerLegId : world.ids.nextUniqueId();
        String callerId2 = stasisLegId != null ? stasisLegId
                : callerLegId != null ? callerLegId + ";2" : world.ids.nextUniqueId();
        Channel caller = new Channel(callerId1, namePrefix + ";1", Channel.Role.CALLER_LEG, "Down", callerId,
                new Dialplan(CONTEXT, exten, 1, "AppDial2", "(Outgoing Line)"), creationtime);
        Channel stasisLeg = new Channel(callerId2, namePrefix + ";2", Channel.Role.STASIS_IN, "Ring", callerId,
                Dialplan.at(CONTEXT, exten), creationtime);
        caller.partner = stasisLeg;
        stasisLeg.partner = caller;
        caller.originated = true;
        if (originatorApp != null) {
            caller.subscribe(originatorApp, true);
            stasisLeg.subscribe(originatorApp, true);
        }
        String dialstring = exten + "@" + CONTEXT;
        caller.dial = OutboundDial.toApp(dialstring, originatorApp, originatorArgs);
        world.channels.put(caller.id, caller);
        world.channels.put(stasisLeg.id, stasisLeg);
        world.heardLogs.create(stasisLeg);
        world.defer(() -> arrive(caller, stasisLeg, exten));
        return caller;
    }

    /**
     * A call placed by a phone registered at {@code endpoint} ({@code PJSIP/alice-desk}): its own channel,
     * named after the endpoint, runs {@code Stasis(<app>,EXT)} in the context the phones are given.
     */
    Channel fromEndpoint(Endpoint endpoint, String exten, CallerId callerId) {
        String name = endpoint.namePrefix() + "-" + world.ids.nextNameSuffix();
        Channel phone = new Channel(world.ids.nextUniqueId(), name, Channel.Role.STASIS_IN, "Ring", callerId,
                Dialplan.at(PHONES_CONTEXT, exten), world.clock.timestamp());
        world.channels.put(phone.id, phone);
        world.heardLogs.create(phone);
        world.defer(() -> {
            if (!phone.alive()) {
                return;
            }
            String app = world.options.stasisApp();
            phone.dialplan = phone.dialplan.running(1, "Stasis", Stasis.appData(app, List.of(exten)));
            world.emit(phone, world.events.dialplan(phone));
            if (!stasis.enter(phone, app, List.of(exten))) {
                hangups.dialplanEnded(phone);
            }
        });
        return phone;
    }

    /** The app answered the Stasis leg (already Up): the caller's leg is answered too. */
    void answered(Channel stasisLeg) {
        Channel caller = stasisLeg.partner;
        if (caller == null || !caller.alive() || "Up".equals(caller.state)) {
            return;
        }
        caller.state = "Up";
        world.emit(caller, world.events.channel("ChannelStateChange", caller));
        OutboundDial dial = caller.dial;
        caller.dial = null;
        if (dial == null) {
            return;
        }
        world.emit(caller, world.events.dial(caller, "ANSWER", dial.dialstring));
        if (dial.app != null && !stasis.enter(caller, dial.app, dial.appArgs)) {
            hangups.dialplanEnded(caller);
        }
    }

    /** The app indicated ringing on the Stasis leg: the caller hears it ring. */
    void ringing(Channel stasisLeg) {
        Channel caller = stasisLeg.partner;
        if (caller == null || !caller.alive() || caller.dial == null || caller.dial.ringing) {
            return;
        }
        caller.dial.ringing = true;
        caller.state = "Ringing";
        world.emit(caller, world.events.channel("ChannelStateChange", caller));
        world.emit(caller, world.events.dial(caller, "RINGING", caller.dial.dialstring));
    }

    private void arrive(Channel caller, Channel stasisLeg, String exten) {
        if (!stasisLeg.alive()) {
            return;
        }
        if (!CallerId.EMPTY.equals(stasisLeg.caller)) {
            world.emit(stasisLeg, world.events.callerId(stasisLeg));
            world.emit(stasisLeg, world.events.channel("ChannelConnectedLine", stasisLeg));
        }
        world.emit(caller, world.events.dial(caller, "", caller.dial.dialstring));
        String app = world.options.stasisApp();
        stasisLeg.dialplan = stasisLeg.dialplan.running(1, "NoOp", "inbound " + exten + " into Stasis app " + app);
        world.emit(stasisLeg, world.events.dialplan(stasisLeg));
        stasisLeg.dialplan = stasisLeg.dialplan.running(2, "Stasis", Stasis.appData(app, List.of(exten)));
        world.emit(stasisLeg, world.events.dialplan(stasisLeg));
        if (!stasis.enter(stasisLeg, app, List.of(exten))) {
            world.emit(stasisLeg, world.events.varset(stasisLeg, "STASISSTATUS", "FAILED"));
            hangups.dialplanEnded(stasisLeg);
        }
    }
}
