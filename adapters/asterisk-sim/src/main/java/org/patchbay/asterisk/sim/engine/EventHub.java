package org.patchbay.asterisk.sim.engine;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Stasis applications and their events WebSockets. An application is registered (and active)
 * while a socket for it is open; events for apps without a socket are dropped, as Asterisk does.
 */
public final class EventHub {

    /** Where an application's events go: the ARI events WebSocket. */
    public interface EventSink {
        void send(String text);

        void close();
    }

    private record App(String name, EventSink sink, boolean subscribeAll) {
    }

    private final Map<String, App> apps = new TreeMap<>();
    /** {@code PUT /applications/{app}/eventFilter}: kept per app name, as Asterisk keeps it with the app. */
    private final Map<String, EventFilter> filters = new HashMap<>();
    private final String asteriskId;
    private final SimClock clock;

    EventHub(String asteriskId, SimClock clock) {
        this.asteriskId = asteriskId;
        this.clock = clock;
    }

    /**
     * A newer socket for an application takes it over from an older one. As Asterisk 22 does
     * ({@code ari-captures/app-lifecycle.jsonl}), the older socket is told with {@code ApplicationReplaced}
     * and left open; its later close does not unregister the app from the newer one.
     */
    public void register(List<String> names, boolean subscribeAll, EventSink sink) {
        for (String name : names) {
            App previous = apps.put(name, new App(name, sink, subscribeAll));
            if (previous != null && previous.sink != sink) {
                previous.sink.send(new JsonObject().put("type", "ApplicationReplaced").put("timestamp", clock.timestamp())
                        .put("application", name).put("asterisk_id", asteriskId).encode());
            }
        }
    }

    public void unregister(EventSink sink) {
        apps.values().removeIf(app -> app.sink == sink);
    }

    /** The app's event types filter, empty lists when none was set. */
    EventFilter filter(String app) {
        return filters.getOrDefault(app, EventFilter.NONE);
    }

    void filter(String app, EventFilter filter) {
        filters.put(app, filter);
    }

    boolean subscribesAll(String app) {
        App registered = apps.get(app);
        return registered != null && registered.subscribeAll;
    }

    public boolean isActive(String app) {
        return app != null && apps.containsKey(app);
    }

    public List<String> appNames() {
        return new ArrayList<>(apps.keySet());
    }

    public void disconnectAll() {
        List<EventSink> sinks = apps.values().stream().map(App::sink).distinct().toList();
        apps.clear();
        sinks.forEach(EventSink::close);
    }

    void toChannel(Channel channel, JsonObject event) {
        for (Map.Entry<String, Boolean> subscriber : channel.subscribers.entrySet()) {
            send(apps.get(subscriber.getKey()), event);
        }
        toSubscribeAll(event, channel.subscribers);
    }

    void toBridge(Bridge bridge, JsonObject event) {
        for (String app : bridge.subscriptions().keySet()) {
            send(apps.get(app), event);
        }
        toSubscribeAll(event, bridge.subscriptions());
    }

    void toApp(String app, JsonObject event) {
        send(apps.get(app), event);
    }

    private void toSubscribeAll(JsonObject event, Map<String, ?> alreadySent) {
        for (App app : apps.values()) {
            if (app.subscribeAll && !alreadySent.containsKey(app.name)) {
                send(app, event);
            }
        }
    }

    private void send(App app, JsonObject event) {
        if (app == null || !filter(app.name).passes(event.getString("type"))) {
            return;
        }
        event.put("asterisk_id", asteriskId).put("application", app.name);
        app.sink.send(event.encode());
    }
}
