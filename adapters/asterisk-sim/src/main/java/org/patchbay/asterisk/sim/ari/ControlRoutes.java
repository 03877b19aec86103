package org.patchbay.asterisk.sim.ari;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.patchbay.asterisk.sim.AmdCallee;
import org.patchbay.asterisk.sim.FarEndBehaviour;
import org.patchbay.asterisk.sim.HeardEntry;
import org.patchbay.asterisk.sim.SimState;
import org.patchbay.asterisk.sim.engine.SimControl;
import org.patchbay.asterisk.sim.engine.StasisTimings;

import java.util.LinkedHashMap;

/**
 * The sim's own control API under {@code /sim} (not ARI, no authentication): JSON routes mirroring the
 * Java control methods of {@code SimulatedAsterisk}, for benchmarks and the sandbox running it apart.
 */
public final class ControlRoutes {
    private static final int DEFAULT_DTMF_MILLIS = 100;

    private final SimControl control;
    private final RequestLog requestLog;
    private final EventsSocket eventsSocket;
    private final StasisTimings timings;

    public ControlRoutes(SimControl control, RequestLog requestLog, EventsSocket eventsSocket, StasisTimings timings) {
        this.control = control;
        this.requestLog = requestLog;
        this.eventsSocket = eventsSocket;
        this.timings = timings;
    }

    public void mount(Router router) {
        router.route("/sim/*").handler(BodyHandler.create(false).setMergeFormAttributes(false));
        AriRoutes routes = new AriRoutes(router, "/sim");
        routes.post("/calls", params -> Reply.created(JsonObject.mapFrom(
                control.startInboundCall(params.string("from"), params.string("to"), params.string("callerName")))));
        routes.post("/calls/:channelId/digits", params -> Reply.noContentWhen(control.pressDigits(id(params),
                params.string("digits"), params.integer("betweenMs", DEFAULT_DTMF_MILLIS),
                params.integer("durationMs", DEFAULT_DTMF_MILLIS))));
        routes.post("/calls/:channelId/hangup", params -> {
            control.hangUp(id(params));
            return Reply.noContent();
        });
        routes.post("/calls/:channelId/speech", params -> {
            Integer millis = params.integer("ms");
            if (millis == null) {
                control.startSpeaking(id(params));
            } else {
                control.speak(id(params), millis);
            }
            return Reply.noContent();
        });
        routes.delete("/calls/:channelId/speech", params -> {
            control.stopSpeaking(id(params));
            return Reply.noContent();
        });
        routes.get("/calls/:channelId/heard", params -> Reply.ok(heard(id(params))));
        registerWorldRoutes(routes);
    }

    private void registerWorldRoutes(AriRoutes routes) {
        routes.post("/rules", params -> {
            control.addRule(params.string("endpoint"), FarEndBehaviour.parse(params.string("behaviour")),
                    params.integer("ringMs", 0));
            return Reply.noContent();
        });
        routes.delete("/rules", params -> {
            control.clearRules();
            return Reply.noContent();
        });
        routes.post("/amd-callees", params -> {
            control.addAmdCallee(params.string("endpoint"), AmdCallee.parse(params.string("callee")));
            return Reply.noContent();
        });
        routes.post("/sounds", params -> {
            control.registerSound(params.string("name"), params.integer("durationMs", 0));
            return Reply.noContent();
        });
        routes.put("/time-scale", params -> {
            String scale = params.string("scale");
            if (scale == null) {
                throw new IllegalArgumentException("scale is required");
            }
            control.setTimeScale(Double.parseDouble(scale));
            return Reply.noContent();
        });
        routes.get("/state", params -> Reply.ok(state(control.state())));
        routes.get("/media-fetches", params -> Reply.ok(new JsonObject(new LinkedHashMap<>(control.mediaFetches()))));
        routes.post("/events/disconnect", params -> {
            control.disconnectEventSockets();
            return Reply.noContent();
        });
        routes.post("/events/refuse", params -> {
            eventsSocket.refuseFor(params.integer("ms", 0));
            return Reply.noContent();
        });
        routes.get("/requests", params -> Reply.ok(new JsonArray(requestLog.entries().stream()
                .map(JsonObject::mapFrom).toList())));
        routes.delete("/requests", params -> {
            requestLog.clear();
            return Reply.noContent();
        });
        routes.get("/timings", params -> Reply.ok(new JsonArray(timings.entries().stream()
                .map(JsonObject::mapFrom).toList())));
        routes.delete("/timings", params -> {
            timings.clear();
            return Reply.noContent();
        });
    }

    private JsonArray heard(String channelId) {
        JsonArray out = new JsonArray();
        for (HeardEntry entry : control.heard(channelId)) {
            out.add(JsonObject.mapFrom(entry));
        }
        return out;
    }

    private static JsonObject state(SimState state) {
        return new JsonObject()
                .put("channels", new JsonArray(state.channels()))
                .put("bridges", new JsonArray(state.bridges()))
                .put("playbacks", new JsonArray(state.playbacks()))
                .put("liveRecordings", new JsonArray(state.liveRecordings()));
    }

    private static String id(AriParams params) {
        return params.path("channelId");
    }
}
