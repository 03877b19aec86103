package org.patchbay.asterisk.sim.ari;

import io.vertx.core.Future;
import org.patchbay.asterisk.sim.engine.Engine;

/** What the app does to a channel's media: answer, ring, play, record, DTMF, music on hold, silence, mute. */
final class ChannelMediaRoutes {
    private static final int DEFAULT_DTMF_MILLIS = 100;

    private final Engine engine;

    ChannelMediaRoutes(Engine engine) {
        this.engine = engine;
    }

    void register(AriRoutes routes) {
        routes.post("/channels/:channelId/answer", params -> Reply.noContentWhen(engine.channels().answer(id(params))));
        routes.post("/channels/:channelId/ring", params -> Reply.noContentWhen(engine.channels().ring(id(params))));
        routes.delete("/channels/:channelId/ring", params -> Reply.noContentWhen(engine.channels().ringStop(id(params))));
        routes.post("/channels/:channelId/moh", params ->
                Reply.noContentWhen(engine.channels().startMoh(id(params), params.string("mohClass"))));
        routes.delete("/channels/:channelId/moh", params -> Reply.noContentWhen(engine.channels().stopMoh(id(params))));
        for (String effectless : new String[]{"silence", "mute"}) {
            routes.post("/channels/:channelId/" + effectless, params ->
                    Reply.noContentWhen(engine.channels().noMediaEffect(id(params))));
            routes.delete("/channels/:channelId/" + effectless, params ->
                    Reply.noContentWhen(engine.channels().noMediaEffect(id(params))));
        }
        routes.post("/channels/:channelId/play", params -> play(params, params.string("playbackId")));
        routes.post("/channels/:channelId/play/:playbackId", params -> play(params, params.path("playbackId")));
        routes.post("/channels/:channelId/record", params ->
                Reply.created(engine.recorder().recordChannel(id(params), RecordOptions.from(params))));
        routes.post("/channels/:channelId/dtmf", params -> {
            engine.channels().sendDtmf(id(params), params.string("dtmf"), params.integer("before", 0),
                    params.integer("between", DEFAULT_DTMF_MILLIS), params.integer("duration", DEFAULT_DTMF_MILLIS),
                    params.integer("after", 0));
            return Reply.noContent();
        });
    }

    private Future<Reply> play(AriParams params, String playbackId) {
        return Reply.created(engine.playbacks().playOnChannel(id(params), params.list("media"),
                params.string("lang"), playbackId));
    }

    private static String id(AriParams params) {
        return params.path("channelId");
    }
}
