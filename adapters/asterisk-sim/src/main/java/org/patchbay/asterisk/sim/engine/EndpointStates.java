package org.patchbay.asterisk.sim.engine;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Endpoints and device states, as a PBX with SIP phones registering and dropping off has them.
 * Applications see their changes only through {@code POST /applications/{app}/subscription}:
 * {@code endpoint:PJSIP} (every endpoint of the technology), {@code endpoint:PJSIP/alice}, or
 * {@code deviceState:PJSIP/alice}; events are shaped as Asterisk 22 writes them.
 */
final class EndpointStates {
    private final World world;
    /** endpoint ({@code PJSIP/alice}) to its state: online or offline. */
    private final Map<String, String> states = new LinkedHashMap<>();
    private final Map<String, Set<String>> subscriptions = new LinkedHashMap<>();
    /** device ({@code PJSIP/alice}) to its state: NOT_INUSE, INUSE, UNAVAILABLE, … */
    private final Map<String, String> devices = new LinkedHashMap<>();

    EndpointStates(World world) {
        this.world = world;
    }

    static boolean handles(String eventSource) {
        return eventSource.startsWith("endpoint:") || eventSource.startsWith("deviceState:");
    }

    void subscribe(String app, String eventSource) {
        if (eventSource.startsWith("endpoint:")) {
            String target = eventSource.substring("endpoint:".length());
            boolean tech = !target.contains("/") && !target.isEmpty();
            if (!tech && !states.containsKey(target)) {
                throw AriError.unprocessable("Event source does not exist");
            }
        }
        subscriptions.computeIfAbsent(app, a -> new LinkedHashSet<>()).add(eventSource);
    }

    boolean unsubscribe(String app, String eventSource) {
        Set<String> sources = subscriptions.get(app);
        return sources != null && sources.remove(eventSource);
    }

    /**
     * Apps subscribed to an endpoint or a technology: Asterisk 22 keeps them registered after their socket
     * closes. A device-state subscription alone does not ({@code app-lifecycle-*-subscription.jsonl}).
     */
    Set<String> endpointSubscribers() {
        Set<String> apps = new LinkedHashSet<>();
        subscriptions.forEach((app, sources) -> {
            if (sources.stream().anyMatch(source -> source.startsWith("endpoint:"))) {
                apps.add(app);
            }
        });
        return apps;
    }

    /** What {@code app} subscribed to with {@code prefix} ({@code endpoint:}, {@code deviceState:}), without it. */
    List<String> subscribed(String app, String prefix) {
        return subscriptions.getOrDefault(app, Set.of()).stream().filter(source -> source.startsWith(prefix))
                .map(source -> source.substring(prefix.length())).toList();
    }

    /**
     * Asterisk forwards every event of a channel on an endpoint to the apps subscribed to that endpoint or its
     * technology, whether or not the channel is in Stasis ({@code endpoint-subscription-channel-events.jsonl}); an
     * app that has the channel already gets it a second time ({@code presence-app-event-filter.jsonl}).
     */
    void channelEvent(Channel channel, JsonObject event) {
        if (channel.endpoint == null || subscriptions.isEmpty()) {
            return;
        }
        String endpoint = channel.endpoint.tech() + "/" + channel.endpoint.resource();
        subscriptions.forEach((app, subscribed) -> {
            if (!world.hub.subscribesAll(app)
                    && (subscribed.contains("endpoint:" + channel.endpoint.tech()) || subscribed.contains("endpoint:" + endpoint))) {
                world.hub.toApp(app, event.copy());
            }
        });
    }

    /** A phone registered ({@code online}) or dropped off ({@code offline}); its device state follows. */
    void set(String endpoint, String state) {
        states.put(endpoint, state);
        String tech = endpoint.substring(0, endpoint.indexOf('/'));
        JsonObject event = new JsonObject().put("type", "EndpointStateChange").put("timestamp", world.clock.timestamp())
                .put("endpoint", toJson(endpoint));
        sendTo(event, "endpoint:" + tech, "endpoint:" + endpoint);
        setDevice(endpoint, "online".equals(state) ? "NOT_INUSE" : "UNAVAILABLE");
    }

    /** Asterisk 22.10.1 writes this one with the application second (the hub fills it in, in place). */
    void setDevice(String device, String state) {
        devices.put(device, state);
        JsonObject event = new JsonObject().put("type", "DeviceStateChanged").put("application", "")
                .put("timestamp", world.clock.timestamp())
                .put("device_state", new JsonObject().put("name", device).put("state", state));
        sendTo(event, "deviceState:" + device);
    }

    /** {@code GET /deviceStates/{name}}: a device Asterisk does not know is INVALID, as on Asterisk 22.10.1. */
    JsonObject deviceState(String device) {
        return new JsonObject().put("name", device).put("state", devices.getOrDefault(device, "INVALID"));
    }

    JsonArray toJson() {
        JsonArray all = new JsonArray();
        states.keySet().forEach(endpoint -> all.add(toJson(endpoint)));
        return all;
    }

    private JsonObject toJson(String endpoint) {
        int slash = endpoint.indexOf('/');
        return new JsonObject().put("technology", endpoint.substring(0, slash)).put("resource", endpoint.substring(slash + 1))
                .put("state", states.getOrDefault(endpoint, "unknown")).put("channel_ids", new JsonArray());
    }

    private void sendTo(JsonObject event, String... sources) {
        subscriptions.forEach((app, subscribed) -> {
            for (String source : sources) {
                if (subscribed.contains(source)) {
                    world.hub.toApp(app, event.copy());
                    return;
                }
            }
        });
    }
}
