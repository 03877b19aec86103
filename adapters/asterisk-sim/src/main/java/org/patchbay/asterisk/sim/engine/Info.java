package org.patchbay.asterisk.sim.engine;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** {@code /asterisk}, {@code /applications}, {@code /sounds} and {@code /endpoints}. */
public final class Info {
    private final World world;

    Info(World world) {
        this.world = world;
    }

    public JsonObject asteriskInfo(List<String> only) {
        String started = SimClock.format(world.startedAtMillis);
        JsonObject all = new JsonObject()
                .put("build", new JsonObject().put("os", "Linux").put("kernel", "6.1.0-sim").put("machine", "x86_64")
                        .put("options", "OPTIONAL_API").put("date", "2026-01-01 00:00:00 UTC").put("user", "root"))
                .put("system", new JsonObject().put("version", world.options.asteriskVersion())
                        .put("entity_id", world.options.entityId()))
                .put("config", new JsonObject().put("name", "").put("default_language", "en")
                        .put("setid", new JsonObject().put("user", "").put("group", "")))
                .put("status", new JsonObject().put("startup_time", started).put("last_reload_time", started));
        if (only.isEmpty()) {
            return all;
        }
        JsonObject selected = new JsonObject();
        only.stream().filter(all::containsKey).forEach(key -> selected.put(key, all.getValue(key)));
        return selected;
    }

    public JsonObject ping() {
        return new JsonObject().put("ping", "pong").put("timestamp", world.clock.timestamp())
                .put("asterisk_id", world.options.entityId());
    }

    public JsonArray applications() {
        JsonArray out = new JsonArray();
        registered().forEach(app -> out.add(application(app)));
        return out;
    }

    /**
     * Asterisk 22 keeps an app whose events socket has closed for as long as a channel is still in it, or it
     * is still subscribed to a channel or an endpoint: it is listed (and {@code GET /applications/{app}}
     * answers 200) although {@code Stasis()} on it fails as "not active". A bridge the app created does not keep
     * it ({@code ari-captures/app-lifecycle*.jsonl}).
     */
    private SortedSet<String> registered() {
        SortedSet<String> names = new TreeSet<>(world.hub.appNames());
        world.channels.values().forEach(channel -> names.addAll(channel.subscribers.keySet()));
        names.addAll(world.endpoints.endpointSubscribers());
        return names;
    }

    public JsonObject application(String app) {
        if (!world.hub.isActive(app) && !registered().contains(app)) {
            throw AriError.notFound("Application not found");
        }
        JsonArray channelIds = new JsonArray();
        world.channels.values().stream().filter(channel -> channel.subscribers.containsKey(app))
                .forEach(channel -> channelIds.add(channel.id));
        JsonArray bridgeIds = new JsonArray();
        world.bridges.values().stream().filter(bridge -> bridge.subscriptions().containsKey(app))
                .forEach(bridge -> bridgeIds.add(bridge.id));
        return new JsonObject()
                .put("name", app)
                .put("channel_ids", channelIds)
                .put("bridge_ids", bridgeIds)
                .put("endpoint_ids", new JsonArray(world.endpoints.subscribed(app, "endpoint:")))
                .put("device_names", new JsonArray(world.endpoints.subscribed(app, "deviceState:")))
                .put("events_allowed", world.hub.filter(app).allowedJson())
                .put("events_disallowed", world.hub.filter(app).disallowedJson());
    }

    /** {@code PUT /applications/{app}/eventFilter}: which event types the app is sent from now on. */
    public JsonObject filter(String app, JsonObject body) {
        application(app);
        world.hub.filter(app, world.hub.filter(app).updatedBy(body));
        return application(app);
    }

    /** {@code POST /applications/{app}/subscription}: the app also sees these channels' or bridges' events. */
    public JsonObject subscribe(String app, List<String> eventSources) {
        requireApp(app, eventSources);
        for (String source : eventSources) {
            if (source.startsWith("channel:")) {
                eventChannel(source).subscribe(app, true);
            } else if (source.startsWith("bridge:")) {
                eventBridge(source).subscribe(app);
            } else if (EndpointStates.handles(source)) {
                world.endpoints.subscribe(app, source);
            } else {
                throw AriError.unprocessable("Event source does not exist");
            }
        }
        return application(app);
    }

    /**
     * As res_stasis's app_unsubscribe: a source the app is not subscribed to, including one that is gone (a destroyed
     * channel drops its subscriptions), is 422 "Event source was not subscribed to" (amd.jsonl).
     */
    public JsonObject unsubscribe(String app, List<String> eventSources) {
        requireApp(app, eventSources);
        for (String source : eventSources) {
            Channel channel = source.startsWith("channel:") ? world.channels.get(source.substring("channel:".length())) : null;
            Bridge bridge = source.startsWith("bridge:") ? world.bridges.get(source.substring("bridge:".length())) : null;
            boolean subscribed = source.startsWith("channel:") ? channel != null && channel.subscribers.remove(app) != null
                    : EndpointStates.handles(source) ? world.endpoints.unsubscribe(app, source)
                    : bridge != null && bridge.subscriptions().remove(app) != null;
            if (!subscribed) {
                throw AriError.unprocessable("Event source was not subscribed to");
            }
        }
        return application(app);
    }

    private void requireApp(String app, List<String> eventSources) {
        if (eventSources.isEmpty()) {
            throw AriError.badRequest("Missing parameter eventSource");
        }
        application(app);
    }

    private Channel eventChannel(String source) {
        Channel channel = world.channels.get(source.substring("channel:".length()));
        if (channel == null) {
            throw AriError.unprocessable("Event source does not exist");
        }
        return channel;
    }

    private Bridge eventBridge(String source) {
        Bridge bridge = world.bridges.get(source.substring("bridge:".length()));
        if (bridge == null) {
            throw AriError.unprocessable("Event source does not exist");
        }
        return bridge;
    }

    public JsonObject sound(String soundId) {
        if (world.catalog.soundMillis(soundId).isEmpty()) {
            throw AriError.notFound("Sound not found");
        }
        return soundJson(soundId);
    }

    public JsonArray sounds() {
        JsonArray out = new JsonArray();
        world.catalog.names().forEach(name -> out.add(soundJson(name)));
        return out;
    }

    /** The endpoints whose state was set; none by default, as on the capture machine. */
    public JsonArray endpoints() {
        return world.endpoints.toJson();
    }

    public JsonObject deviceState(String device) {
        return world.endpoints.deviceState(device);
    }

    /** As Asterisk answers for a technology without endpoints (or without a driver): 404. */
    public JsonArray endpoints(String tech) {
        JsonArray matching = new JsonArray();
        world.endpoints.toJson().stream().map(e -> (JsonObject) e)
                .filter(e -> e.getString("technology").equalsIgnoreCase(tech)).forEach(matching::add);
        if (matching.isEmpty()) {
            throw AriError.notFound("No Endpoints found - invalid tech " + tech);
        }
        return matching;
    }

    private static JsonObject soundJson(String soundId) {
        JsonArray formats = new JsonArray();
        for (String language : List.of("en_US_f_Allison", "en_US", "en")) {
            formats.add(new JsonObject().put("language", language).put("format", "slin"));
        }
        return new JsonObject().put("id", soundId).put("formats", formats);
    }
}
