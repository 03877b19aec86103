package org.patchbay.adapters.ari;

import ch.loway.oss.ari4java.generated.models.DeviceStateChanged;
import ch.loway.oss.ari4java.generated.models.EndpointStateChange;
import ch.loway.oss.ari4java.generated.models.Event;
import ch.loway.oss.ari4java.generated.models.Message;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The Stasis app that watches endpoints and device states ({@link AriSettings#presenceApp()}), beside the app calls go
 * to, on the same events WebSocket. Asterisk sends an app subscribed to an endpoint every event of every channel on
 * it: for {@code endpoint:PJSIP}, each PJSIP call of the PBX, Patchbay's or not. This app's event filter lets only
 * the two state changes through, so that traffic never leaves Asterisk.
 */
final class PresenceApp {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceApp.class);
    /** The body is the filter itself: Asterisk reads {@code allowed} at its top level (res/stasis/app.c). */
    private static final JsonObject FILTER = new JsonObject().put("allowed", new JsonArray()
            .add(new JsonObject().put("type", "EndpointStateChange")).add(new JsonObject().put("type", "DeviceStateChanged")));

    private PresenceApp() {
    }

    /** Sets the app's event filter; an Asterisk that cannot (older than 16.3) still works, its channel events dropped here. */
    static Future<Void> filter(VertxAriTransport transport, String app) {
        String path = "/applications/" + VertxAriTransport.encode(app) + "/eventFilter";
        return transport.put(path, FILTER.encode()).<Void>mapEmpty().recover(failure -> {
            LOG.warn("could not set the event filter of Stasis app '{}' ({}): Asterisk sends it every event of the"
                    + " channels on watched endpoints, which Patchbay drops", app, failure.getMessage());
            return Future.succeededFuture();
        });
    }

    /**
     * Ends the endpoint and device subscriptions of the call app itself, which Patchbay before the presence app made
     * there: Asterisk keeps an app's subscriptions across reconnections (until it restarts), so without this an upgraded
     * Patchbay would go on getting every channel's events of the PBX, its own twice.
     */
    static Future<Void> releaseCallAppWatches(VertxAriTransport transport, String callApp) {
        String path = "/applications/" + VertxAriTransport.encode(callApp);
        return transport.get(path).compose(body -> {
            JsonObject app = new JsonObject(body);
            List<String> sources = new ArrayList<>();
            app.getJsonArray("endpoint_ids", new JsonArray()).forEach(id -> sources.add("endpoint:" + id));
            app.getJsonArray("device_names", new JsonArray()).forEach(name -> sources.add("deviceState:" + name));
            List<Future<Buffer>> ended = sources.stream()
                    .map(source -> transport.delete(path + "/subscription?eventSource=" + VertxAriTransport.encode(source))).toList();
            if (!sources.isEmpty()) {
                LOG.info("ending the subscriptions {} of Stasis app '{}' (made by an earlier Patchbay): presence watches"
                        + " through '{}' now", sources, callApp, callApp + "-presence");
            }
            return Future.join(ended).<Void>mapEmpty();
        }).recover(failure -> {
            LOG.warn("could not check the subscriptions of Stasis app '{}': {}", callApp, failure.getMessage());
            return Future.succeededFuture();
        });
    }

    /** A message of the presence app other than the two state changes: what its filter keeps away, when it could be set. */
    static boolean unwanted(Message message, String app) {
        return message instanceof Event event && app.equals(event.getApplication())
                && !(message instanceof EndpointStateChange) && !(message instanceof DeviceStateChanged);
    }
}
