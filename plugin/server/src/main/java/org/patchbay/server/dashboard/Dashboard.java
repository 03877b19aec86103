package org.patchbay.server.dashboard;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.patchbay.core.call.CallRouter;
import org.patchbay.core.events.EventFeed;
import org.patchbay.core.store.Store;
import org.patchbay.core.telephony.Telephony;
import org.patchbay.core.telephony.TelephonyStatus;
import org.patchbay.server.api.auth.Authenticator;

import java.util.function.Supplier;

/** The live operator dashboard of one Patchbay: its board, fed by the event feed, and its routes. */
public final class Dashboard {
    private final LiveBoard board;

    private Dashboard(LiveBoard board) {
        this.board = board;
    }

    public static Dashboard mount(Vertx vertx, Router router, EventFeed events, PanelPorts panels, Supplier<JsonObject> thisNode) {
        Store store = panels.store();
        LiveBoard board = new LiveBoard(vertx, events, thisNode, new PanelReader(panels));
        board.start();
        new DashboardRoutes(new DashboardAuth(new Authenticator(store)), board).mount(router);
        return new Dashboard(board);
    }

    /** How this node stands, as the dashboard's node list shows it. */
    public static Supplier<JsonObject> nodeStatus(String node, Telephony telephony, Store store, CallRouter calls) {
        String version = Dashboard.class.getPackage().getImplementationVersion();
        return () -> {
            TelephonyStatus ari = telephony.status();
            return new JsonObject().put("node", node).put("self", true).put("ari", ari.state().wireName())
                    .put("asterisk", ari.asteriskVersion()).put("store", store.name())
                    .put("version", version == null ? "development build" : version)
                    .put("liveCalls", calls.liveSessions().size());
        };
    }

    public Future<Void> stop() {
        return board.stop();
    }
}
