package org.patchbay.asterisk.sim.ari;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import org.patchbay.asterisk.sim.engine.AriError;
import org.patchbay.asterisk.sim.engine.Engine;

/** {@code /asterisk}, {@code /applications}, {@code /endpoints}, {@code /deviceStates}, {@code /sounds} and {@code /api-docs}. */
final class InfoRoutes {
    private final Engine engine;
    private final ApiDocs apiDocs;

    InfoRoutes(Engine engine, ApiDocs apiDocs) {
        this.engine = engine;
        this.apiDocs = apiDocs;
    }

    void register(AriRoutes routes) {
        routes.get("/asterisk/info", params -> Reply.ok(engine.info().asteriskInfo(params.list("only"))));
        routes.get("/asterisk/ping", params -> Reply.ok(engine.info().ping()));
        routes.get("/applications", params -> Reply.ok(engine.info().applications()));
        routes.get("/applications/:applicationName", params ->
                Reply.ok(engine.info().application(params.path("applicationName"))));
        routes.post("/applications/:applicationName/subscription", params -> Reply.ok(engine.info()
                .subscribe(params.path("applicationName"), params.list("eventSource"))));
        routes.delete("/applications/:applicationName/subscription", params -> Reply.ok(engine.info()
                .unsubscribe(params.path("applicationName"), params.list("eventSource"))));
        // The body is the filter itself: Asterisk reads "allowed" and "disallowed" at its top level.
        routes.put("/applications/:applicationName/eventFilter", params -> Reply.ok(engine.info()
                .filter(params.path("applicationName"), params.body())));
        routes.get("/endpoints", params -> Reply.ok(engine.info().endpoints()));
        routes.get("/endpoints/:tech", params -> Reply.ok(engine.info().endpoints(params.path("tech"))));
        routes.get("/deviceStates/:deviceName", params -> Reply.ok(engine.info().deviceState(params.path("deviceName"))));
        routes.get("/sounds", params -> Reply.ok(engine.info().sounds()));
        routes.get("/sounds/:soundId", params -> Reply.ok(engine.info().sound(params.path("soundId"))));
        routes.get("/api-docs/:document", this::apiDoc);
    }

    private Future<Reply> apiDoc(AriParams params) {
        String file = params.path("document");
        String name = file.endsWith(".json") ? file.substring(0, file.length() - ".json".length()) : file;
        String text = apiDocs.document(name, params.host()).orElseThrow(() -> AriError.of(404, "Not found"));
        return Reply.bytes(Buffer.buffer(text), "application/json");
    }
}
