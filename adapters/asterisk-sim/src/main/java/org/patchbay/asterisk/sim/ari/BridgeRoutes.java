package org.patchbay.asterisk.sim.ari;

import io.vertx.core.Future;
import org.patchbay.asterisk.sim.engine.Engine;

/** {@code /bridges}. */
final class BridgeRoutes {
    private final Engine engine;

    BridgeRoutes(Engine engine) {
        this.engine = engine;
    }

    void register(AriRoutes routes) {
        routes.get("/bridges", params -> Reply.ok(engine.bridges().list()));
        routes.post("/bridges", params -> Reply.ok(engine.bridges().create(params.string("type"),
                params.string("bridgeId"), params.string("name"))));
        routes.get("/bridges/:bridgeId", params -> Reply.ok(engine.bridges().get(id(params))));
        routes.post("/bridges/:bridgeId", params -> Reply.ok(engine.bridges().create(params.string("type"),
                id(params), params.string("name"))));
        routes.delete("/bridges/:bridgeId", params -> {
            engine.bridges().destroy(id(params));
            return Reply.noContent();
        });
        routes.post("/bridges/:bridgeId/addChannel", params ->
                Reply.noContentWhen(engine.bridges().addChannels(id(params), params.list("channel"))));
        routes.post("/bridges/:bridgeId/removeChannel", params ->
                Reply.noContentWhen(engine.bridges().removeChannels(id(params), params.list("channel"))));
        routes.post("/bridges/:bridgeId/moh", params -> {
            engine.bridges().startMoh(id(params), params.string("mohClass"));
            return Reply.noContent();
        });
        routes.delete("/bridges/:bridgeId/moh", params -> {
            engine.bridges().stopMoh(id(params));
            return Reply.noContent();
        });
        routes.post("/bridges/:bridgeId/play", params -> play(params, params.string("playbackId")));
        routes.post("/bridges/:bridgeId/play/:playbackId", params -> play(params, params.path("playbackId")));
        routes.post("/bridges/:bridgeId/record", params ->
                Reply.created(engine.recorder().recordBridge(id(params), RecordOptions.from(params))));
    }

    private Future<Reply> play(AriParams params, String playbackId) {
        return Reply.created(engine.playbacks().playOnBridge(id(params), params.list("media"),
                params.string("lang"), playbackId));
    }

    private static String id(AriParams params) {
        return params.path("bridgeId");
    }
}
