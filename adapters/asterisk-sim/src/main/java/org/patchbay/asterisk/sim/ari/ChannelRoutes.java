package org.patchbay.asterisk.sim.ari;

import org.patchbay.asterisk.sim.engine.Engine;
import org.patchbay.asterisk.sim.engine.OriginateRequest;

/** {@code /channels}: listing, originating, creating and dialing, hanging up, variables. */
final class ChannelRoutes {
    private final Engine engine;

    ChannelRoutes(Engine engine) {
        this.engine = engine;
    }

    void register(AriRoutes routes) {
        routes.get("/channels", params -> Reply.ok(engine.channels().list()));
        routes.post("/channels", params -> Reply.ok(engine.dialer().originate(originate(params, params.string("channelId")))));
        routes.post("/channels/create", params -> Reply.ok(engine.dialer().create(originate(params, params.string("channelId")))));
        routes.get("/channels/:channelId", params -> Reply.ok(engine.channels().get(params.path("channelId"))));
        routes.post("/channels/:channelId", params -> Reply.ok(engine.dialer().originate(originate(params, params.path("channelId")))));
        routes.delete("/channels/:channelId", params -> {
            engine.channels().hangup(params.path("channelId"), params.string("reason"), params.string("reason_code"));
            return Reply.noContent();
        });
        routes.post("/channels/:channelId/dial", params -> {
            engine.dialer().dial(params.path("channelId"), params.integer("timeout"));
            return Reply.noContent();
        });
        routes.post("/channels/:channelId/continue", params -> {
            engine.channels().continueInDialplan(params.path("channelId"));
            return Reply.noContent();
        });
        routes.post("/channels/:channelId/snoop", params -> Reply.ok(engine.snooping().snoop(params.path("channelId"),
                params.string("snoopId"), params.string("app"), params.string("appArgs"), params.string("spy"), params.string("whisper"))));
        routes.post("/channels/:channelId/snoop/:snoopId", params -> Reply.ok(engine.snooping().snoop(params.path("channelId"),
                params.path("snoopId"), params.string("app"), params.string("appArgs"), params.string("spy"), params.string("whisper"))));
        routes.get("/channels/:channelId/variable", params ->
                Reply.ok(engine.channels().getVariable(params.path("channelId"), params.string("variable"))));
        routes.post("/channels/:channelId/variable", params -> {
            engine.channels().setVariable(params.path("channelId"), params.string("variable"), params.string("value"));
            return Reply.noContent();
        });
    }

    private static OriginateRequest originate(AriParams params, String channelId) {
        return new OriginateRequest(params.string("endpoint"), params.string("app"), params.string("appArgs"),
                params.string("callerId"), params.integer("timeout"), channelId, params.string("otherChannelId"),
                params.string("context"), params.string("extension"), params.longValue("priority"),
                params.variables());
    }
}
