package org.patchbay.asterisk.sim.ari;

import org.patchbay.asterisk.sim.engine.Engine;
import org.patchbay.asterisk.sim.engine.StoredRecordings;

/** {@code /playbacks} and {@code /recordings}. */
final class MediaRoutes {
    private final Engine engine;

    MediaRoutes(Engine engine) {
        this.engine = engine;
    }

    void register(AriRoutes routes) {
        routes.get("/playbacks/:playbackId", params -> Reply.ok(engine.playbacks().get(params.path("playbackId"))));
        routes.delete("/playbacks/:playbackId", params -> {
            engine.playbacks().stop(params.path("playbackId"));
            return Reply.noContent();
        });
        routes.get("/recordings/live/:name", params -> Reply.ok(engine.recorder().live(name(params))));
        routes.post("/recordings/live/:name/stop", params -> {
            engine.recorder().stop(name(params));
            return Reply.noContent();
        });
        routes.delete("/recordings/live/:name", params -> {
            engine.recorder().cancel(name(params));
            return Reply.noContent();
        });
        routes.get("/recordings/stored", params -> Reply.ok(engine.stored().list()));
        routes.get("/recordings/stored/:name", params -> Reply.ok(engine.stored().get(name(params))));
        routes.delete("/recordings/stored/:name", params -> {
            engine.stored().delete(name(params));
            return Reply.noContent();
        });
        routes.get("/recordings/stored/:name/file", params -> {
            StoredRecordings.File file = engine.stored().file(name(params));
            return Reply.bytes(file.bytes(), file.contentType());
        });
        routes.post("/recordings/stored/:name/copy", params -> Reply.ok(engine.stored().copy(name(params),
                params.string("destinationRecordingName"))));
    }

    private static String name(AriParams params) {
        return params.path("name");
    }
}
