package org.patchbay.server.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.patchbay.core.call.CallRouter;
import org.patchbay.core.store.Store;
import org.patchbay.core.telephony.Telephony;
import org.patchbay.core.telephony.TelephonyStatus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /health}: whether Patchbay can take calls. 200 while the ARI link is up, 503 otherwise,
 * so a load balancer or an operator's probe sees at once that Asterisk is out of reach.
 */
public final class HealthRoute {
    private final Telephony telephony;
    private final Store store;
    private final CallRouter calls;
    private final String node;
    private final boolean sandbox;
    private final Map<String, Supplier<Object>> reports = new LinkedHashMap<>();

    public HealthRoute(Telephony telephony, Store store, CallRouter calls, String node, boolean sandbox) {
        this.telephony = telephony;
        this.store = store;
        this.calls = calls;
        this.node = node;
        this.sandbox = sandbox;
    }

    /** Adds a named part to every answer, e.g. the state of the limits. */
    public HealthRoute report(String name, Supplier<Object> value) {
        reports.put(name, value);
        return this;
    }

    public void mount(Router router) {
        router.get("/health").handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        TelephonyStatus ari = telephony.status();
        boolean up = ari.state() == TelephonyStatus.State.CONNECTED;
        JsonObject body = new JsonObject()
                .put("status", up ? "ok" : "degraded")
                .put("ari", ari.state().wireName())
                .put("asterisk", ari.asteriskVersion())
                .put("ariVersion", ari.ariVersion())
                .put("ariDetail", ari.detail())
                .put("store", store.name())
                .put("node", node)
                .put("sandbox", sandbox)
                .put("liveCalls", calls.liveSessions().size());
        reports.forEach((name, value) -> body.put(name, value.get()));
        ctx.response().setStatusCode(up ? 200 : 503)
                .putHeader("Content-Type", "application/json")
                .end(body.encodePrettily());
    }
}
