package org.patchbay.core.call;

import io.vertx.core.Handler;
import org.patchbay.core.telephony.EventRoutes;
import org.patchbay.core.telephony.EventSink;
import org.patchbay.core.telephony.TelephonyEvent;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The PBX resources one call created (playbacks, recordings, bridges, dialled channels) and who in
 * the call wants their events. Each is claimed in the router's {@link EventRoutes} for the call's sink.
 */
final class SessionListeners {
    private final EventRoutes routes;
    private final EventSink owner;
    private final Map<String, Handler<TelephonyEvent>> listeners = new HashMap<>(4);
    private final Set<String> outliving = new HashSet<>(2);

    SessionListeners(EventRoutes routes, EventSink owner) {
        this.routes = routes;
        this.owner = owner;
    }

    void listen(String key, Handler<TelephonyEvent> handler, boolean outlivesCall) {
        listeners.put(key, handler);
        if (outlivesCall) {
            outliving.add(key);
        }
        routes.claim(key, owner);
    }

    void unlisten(String key) {
        outliving.remove(key);
        if (listeners.remove(key) != null) {
            routes.release(key, owner);
        }
    }

    /** @return whether someone in the call took the event */
    boolean dispatch(TelephonyEvent event) {
        Handler<TelephonyEvent> listener = listeners.get(event.key());
        if (listener == null) {
            return false;
        }
        listener.handle(event);
        return true;
    }

    /** The call ended: drop every claim except those that must outlive it (a recording still finishing). */
    void callEnded() {
        listeners.keySet().removeIf(key -> {
            if (outliving.contains(key)) {
                return false;
            }
            routes.release(key, owner);
            return true;
        });
    }
}
