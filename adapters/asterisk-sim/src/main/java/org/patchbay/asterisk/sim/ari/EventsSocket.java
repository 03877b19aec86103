package org.patchbay.asterisk.sim.ari;

import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.patchbay.asterisk.sim.engine.EventHub;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /ari/events}: the events WebSocket that registers Stasis applications. For reconnect tests it
 * can refuse upgrades for a while (503), and the hub can drop every socket.
 */
public final class EventsSocket {
    private final EventHub hub;
    private long refuseUntilNanos;
    private long registrationDelayMillis;

    public EventsSocket(EventHub hub) {
        this.hub = hub;
        this.refuseUntilNanos = System.nanoTime();
    }

    /**
     * Registers the apps of later sockets {@code millis} real milliseconds after their upgrade instead of
     * before it (0 = as Asterisk 22 does): for testing clients that must not take the 101 to mean the app exists.
     */
    public void delayRegistration(long millis) {
        registrationDelayMillis = Math.max(0, millis);
    }

    /** Refuses upgrades for the next {@code millis} real milliseconds. */
    public void refuseFor(long millis) {
        refuseUntilNanos = System.nanoTime() + Math.max(0, millis) * 1_000_000;
    }

    void handle(RoutingContext context) {
        if (System.nanoTime() - refuseUntilNanos < 0) {
            refuse(context, 503, "Service Unavailable");
            return;
        }
        List<String> apps = new ArrayList<>();
        for (String value : context.queryParam("app")) {
            for (String app : value.split(",")) {
                if (!app.isBlank()) {
                    apps.add(app.trim());
                }
            }
        }
        if (apps.isEmpty()) {
            refuse(context, 400, "Missing param 'app'");
            return;
        }
        if (!context.request().canUpgradeToWebSocket()) {
            refuse(context, 426, "Upgrade Required");
            return;
        }
        boolean subscribeAll = context.queryParam("subscribeAll").stream().anyMatch("true"::equalsIgnoreCase);
        // Asterisk registers the apps before it answers the upgrade (websocket_attempted_cb), queueing
        // events until the socket is there; so by the time a client sees 101 the app exists.
        PendingSocket sink = new PendingSocket();
        long delay = registrationDelayMillis;
        if (delay == 0) {
            hub.register(apps, subscribeAll, sink);
        }
        context.request().toWebSocket()
                .onSuccess(socket -> {
                    socket.closeHandler(closed -> hub.unregister(sink));
                    socket.textMessageHandler(ignored -> { });
                    sink.attach(socket);
                    if (delay > 0) {
                        context.vertx().setTimer(delay, id -> registerLate(socket, apps, subscribeAll, sink));
                    }
                })
                .onFailure(failed -> hub.unregister(sink));
    }

    private void registerLate(ServerWebSocket socket, List<String> apps, boolean subscribeAll, PendingSocket sink) {
        if (!socket.isClosed()) {
            hub.register(apps, subscribeAll, sink);
        }
    }

    /** Holds the events sent between registration and the end of the upgrade, then writes them in order. */
    private static final class PendingSocket implements EventHub.EventSink {
        private final List<String> queued = new ArrayList<>();
        private ServerWebSocket socket;
        private boolean closeRequested;

        void attach(ServerWebSocket opened) {
            socket = opened;
            queued.forEach(this::send);
            queued.clear();
            if (closeRequested) {
                opened.close();
            }
        }

        @Override
        public void send(String text) {
            if (socket == null) {
                queued.add(text);
            } else if (!socket.isClosed()) {
                socket.writeTextMessage(text);
            }
        }

        @Override
        public void close() {
            if (socket == null) {
                closeRequested = true;
            } else {
                socket.close();
            }
        }
    }

    private static void refuse(RoutingContext context, int status, String message) {
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("message", message).encode());
    }
}
