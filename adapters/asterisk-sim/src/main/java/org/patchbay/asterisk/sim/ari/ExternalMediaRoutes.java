package org.patchbay.asterisk.sim.ari;

import org.patchbay.asterisk.sim.engine.Engine;
import org.patchbay.asterisk.sim.engine.ExternalMedia;

/** {@code POST /channels/externalMedia}; registered before {@code /channels/:channelId}, which would take it. */
final class ExternalMediaRoutes {
    private final Engine engine;

    ExternalMediaRoutes(Engine engine) {
        this.engine = engine;
    }

    void register(AriRoutes routes) {
        routes.post("/channels/externalMedia", params -> Reply.ok(engine.externalMedia().create(new ExternalMedia.Request(
                params.string("app"), params.string("channelId"), params.string("external_host"),
                params.string("encapsulation"), params.string("transport"), params.string("connection_type"),
                params.string("format"), params.string("direction"), params.string("transport_data"),
                params.variables()))));
    }
}
