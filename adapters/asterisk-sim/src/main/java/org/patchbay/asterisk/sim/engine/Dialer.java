package org.patchbay.asterisk.sim.engine;

import io.vertx.core.json.JsonObject;
import org.patchbay.asterisk.sim.FarEndBehaviour;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.patchbay.asterisk.sim.engine.OriginateRequest.present;

/** Outbound channels: {@code POST /channels} (originate), {@code /channels/create} and {@code /channels/{id}/dial}. */
public final class Dialer {
    private static final int DEFAULT_ORIGINATE_TIMEOUT_SECONDS = 30;
    private static final Map<String, FarEndBehaviour> LOCAL_CONTEXTS = Map.of(
            "caller", FarEndBehaviour.ANSWER,
            "busy", FarEndBehaviour.BUSY,
            "congestion", FarEndBehaviour.FAIL,
            "ring-noanswer", FarEndBehaviour.NO_ANSWER,
            "amd-callee-machine", FarEndBehaviour.ANSWER,
            "amd-callee-human", FarEndBehaviour.ANSWER,
            "amd-callee-human-silence", FarEndBehaviour.ANSWER);
    private static final String NONEXISTENT_CONTEXT = "nonexistent-context";

    private final World world;
    private final Stasis stasis;
    private final Hangups hangups;
    private final Inbound inbound;
    private final FarEnd farEnd;
    private final Bridging bridging;

    Dialer(World world, Stasis stasis, Hangups hangups, Inbound inbound, Bridging bridging) {
        this.world = world;
        this.stasis = stasis;
        this.hangups = hangups;
        this.inbound = inbound;
        this.farEnd = new FarEnd(world, stasis, hangups);
        this.bridging = bridging;
    }

    public JsonObject originate(OriginateRequest request) {
        if (!present(request.endpoint())) {
            throw AriError.badRequest("Endpoint must be specified");
        }
        if (!present(request.app()) && !present(request.extension())) {
            throw AriError.badRequest("Application or extension must be specified");
        }
        Endpoint endpoint = prepare(request);
        CallerId callerId = CallerId.parse(request.callerId());
        String app = present(request.app()) ? request.app() : null;
        List<String> args = args(request.appArgs());
        if (endpoint.local() && Inbound.CONTEXT.equals(endpoint.context())) {
            Channel caller = inbound.call(endpoint.exten(), callerId, app, args, request.channelId(),
                    request.otherChannelId());
            caller.variables.putAll(request.variables());
            return caller.toJson();
        }
        Channel out = allocate(endpoint, callerId, request, true);
        String dialstring = dialstring(endpoint);
        if (app != null) {
            out.dial = OutboundDial.toApp(dialstring, app, args);
            out.subscribe(app, true);
            if (out.partner != null) {
                out.partner.subscribe(app, true);
            }
        } else {
            long priority = request.priority() == null ? 1 : request.priority();
            String context = present(request.context()) ? request.context() : "default";
            out.dial = OutboundDial.toDialplan(dialstring,
                    new Dialplan(context, request.extension(), (int) priority, "", ""));
        }
        int timeoutSeconds = request.timeoutSeconds() == null ? DEFAULT_ORIGINATE_TIMEOUT_SECONDS : request.timeoutSeconds();
        JsonObject snapshot = out.toJson();
        world.defer(() -> startDialing(out, timeoutSeconds));
        return snapshot;
    }

    public JsonObject create(OriginateRequest request) {
        if (!present(request.endpoint())) {
            throw AriError.badRequest("Endpoint must be specified");
        }
        if (!present(request.app())) {
            throw AriError.badRequest("Application must be specified");
        }
        Endpoint endpoint = prepare(request);
        Channel out = allocate(endpoint, CallerId.EMPTY, request, false);
        out.subscribe(request.app(), true);
        List<String> args = args(request.appArgs());
        JsonObject snapshot = out.toJson();
        world.defer(() -> {
            if (!out.alive()) {
                return;
            }
            out.dialplan = out.dialplan.running("Stasis", Stasis.appData(request.app(), args));
            world.emit(out, world.events.dialplan(out));
            if (!stasis.enter(out, request.app(), args)) {
                hangups.endQuietly(out, Causes.NORMAL);
            }
        });
        return snapshot;
    }

    /** Dials a channel made by {@code /channels/create}; the outcome shows up as events only. */
    public void dial(String channelId, Integer timeoutSeconds) {
        Channel out = world.channel(channelId);
        if (!out.inStasis()) {
            throw AriError.notInStasis();
        }
        if (out.originated || out.dial != null || !"Down".equals(out.state) || out.endpoint == null) {
            throw AriError.conflict("Channel cannot be dialed");
        }
        out.dial = OutboundDial.fromStasis(dialstring(out.endpoint));
        int timeout = timeoutSeconds == null ? 0 : timeoutSeconds;
        world.defer(() -> {
            if (out.alive() && out.dial != null) {
                bridging.dialing(out);
                startDialing(out, timeout);
            }
        });
    }

    /** An inbound call made through the control API: the caller's leg belongs to no app. */
    Channel inboundCall(String from, String to, String callerName) {
        CallerId callerId = new CallerId(callerName == null ? "" : callerName, from == null ? "" : from);
        return inbound.call(to, callerId, null, List.of(), null, null);
    }

    Channel endpointCall(String endpoint, String to, String callerName) {
        Endpoint from = Endpoint.parse(endpoint);
        from.requireKnownTech();
        return inbound.fromEndpoint(from, to, new CallerId(callerName == null ? "" : callerName, from.resource()));
    }

    private void startDialing(Channel out, int timeoutSeconds) {
        if (!out.alive() || out.dial == null) {
            return;
        }
        Endpoint endpoint = out.endpoint;
        boolean nonexistent = endpoint.local() && NONEXISTENT_CONTEXT.equals(endpoint.context());
        FarEndBehaviour builtIn = endpoint.local() ? LOCAL_CONTEXTS.get(endpoint.context()) : null;
        OriginateRules.Outcome outcome = builtIn != null
                ? new OriginateRules.Outcome(builtIn, 0)
                : world.rules.forEndpoint(endpoint.toString());
        farEnd.dial(out, outcome, Math.max(0, timeoutSeconds) * 1000L, nonexistent);
    }

    private Endpoint prepare(OriginateRequest request) {
        Endpoint endpoint = Endpoint.parse(request.endpoint());
        for (String id : Arrays.asList(request.channelId(), request.otherChannelId())) {
            if (present(id) && world.channels.containsKey(id)) {
                throw AriError.conflict("Channel with given unique ID already exists");
            }
        }
        endpoint.requireKnownTech();
        return endpoint;
    }

    private Channel allocate(Endpoint endpoint, CallerId callerId, OriginateRequest request, boolean originate) {
        String name = endpoint.namePrefix() + "-" + world.ids.nextNameSuffix();
        String creationtime = world.clock.timestamp();
        String id = present(request.channelId()) ? request.channelId() : world.ids.nextUniqueId();
        String context = endpoint.local() ? endpoint.context() : "default";
        String exten = endpoint.local() ? endpoint.exten() : "s";
        Dialplan dialplan = originate
                ? new Dialplan(context, exten, 1, "AppDial2", "(Outgoing Line)")
                : Dialplan.at(context, exten);
        Channel out;
        if (endpoint.local()) {
            String farId = present(request.otherChannelId()) ? request.otherChannelId()
                    : present(request.channelId()) ? request.channelId() + ";2" : world.ids.nextUniqueId();
            out = new Channel(id, name + ";1", Channel.Role.LOCAL_OUT, "Down", callerId, dialplan, creationtime);
            Channel far = new Channel(farId, name + ";2", Channel.Role.LOCAL_FAR, originate ? "Ring" : "Down",
                    callerId, Dialplan.at(context, exten), creationtime);
            out.partner = far;
            far.partner = out;
            world.channels.put(out.id, out);
            world.channels.put(far.id, far);
        } else {
            out = new Channel(id, name, Channel.Role.DIRECT, "Down", callerId, dialplan, creationtime);
            world.channels.put(out.id, out);
        }
        out.endpoint = endpoint;
        out.originated = originate;
        out.variables.putAll(request.variables());
        world.heardLogs.create(out);
        return out;
    }

    private static String dialstring(Endpoint endpoint) {
        return endpoint.local() ? endpoint.exten() + "@" + endpoint.context() : endpoint.resource();
    }

    private static List<String> args(String appArgs) {
        return present(appArgs) ? List.of(appArgs.split(",", -1)) : List.of();
    }
}
