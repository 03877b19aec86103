package org.patchbay.server.dashboard;

import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends the account panels to the board's viewers: to a new viewer at once, and to everyone every
 * few ticks when they changed, one read per scope watched. A scope whose last read has not answered yet is skipped, so
 * a slow store never piles reads up. Runs on the board's context.
 */
final class PanelFeed {
    private static final Logger LOG = LoggerFactory.getLogger(PanelFeed.class);
    static final String EVENT = "panels";
    /** Panels go out with every second tick. */
    static final int TICKS_PER_PANELS = 2;

    private final PanelReader reader;
    private final Set<Scope> reading = new HashSet<>();
    /** What each scope was last sent: unchanged panels are not sent again. */
    private final Map<Scope, JsonObject> lastSent = new HashMap<>();

    PanelFeed(PanelReader reader) {
        this.reader = reader;
    }

    void opened(BoardStream stream) {
        reader.read(stream.scope).onSuccess(panels -> stream.send(EVENT, panels))
                .onFailure(e -> LOG.warn("dashboard: could not read the panels: {}", e.getMessage()));
    }

    void refresh(List<BoardStream> streams) {
        Set<Scope> watched = new HashSet<>();
        streams.forEach(stream -> watched.add(stream.scope));
        lastSent.keySet().retainAll(watched);
        for (Scope scope : watched) {
            if (reading.add(scope)) {
                reader.read(scope)
                        .onComplete(done -> reading.remove(scope))
                        .onSuccess(panels -> {
                            if (!panels.equals(lastSent.put(scope, panels))) {
                                sendTo(streams, scope, panels);
                            }
                        })
                        .onFailure(e -> LOG.warn("dashboard: could not read the panels: {}", e.getMessage()));
            }
        }
    }

    private static void sendTo(List<BoardStream> streams, Scope scope, JsonObject panels) {
        streams.stream().filter(stream -> stream.scope.equals(scope)).forEach(stream -> stream.send(EVENT, panels));
    }
}
