package org.patchbay.adapters.ari;

import ch.loway.oss.ari4java.generated.models.DeviceStateChanged;
import ch.loway.oss.ari4java.generated.models.EndpointStateChange;
import ch.loway.oss.ari4java.generated.models.Event;
import ch.loway.oss.ari4java.generated.models.Message;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

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
        String path = "/applications/" + URLEncoder.encode(app, StandardCharsets.UTF_8).replace("+", "%20") + "/eventFilter";
        return transport.put(path, FILTER.encode()).<Void>mapEmpty().recover(failure -> {
            LOG.warn("could not set the event filter of Stasis app '{}' ({}): Asterisk sends it every event of the"
                    + " channels on watched endpoints, which Patchbay drops", app, failure.getMessage());
            return Future.succeededFuture();
        });
    }

    /** A message of the presence app other than the two state changes: what its filter keeps away, when it could be set. */
    static boolean unwanted(Message message, String app) {
        return message instanceof Event event && app.equals(event.getApplication())
                && !(message instanceof EndpointStateChange) && !(message instanceof DeviceStateChanged);
    }
}
