package org.patchbay.asterisk.sim.engine;

import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * {@code POST /channels/{id}/snoop}: a Snoop channel that hears the target (spy) and enters the app at once, as
 * Asterisk 22.10.1's res_stasis_snoop does (see {@code snoop-fork-channels.jsonl}): no caller id, no
 * ChannelVarset, and the app watches it only while it is in Stasis, so it never gets the snoop's ChannelDestroyed.
 * Hung up by the app it reports a hang-up request and StasisEnd; when its target goes it only leaves its bridge
 * and Stasis. A recording of it runs continuously. Bridged, it sends the direction it spies on into its bridge
 * (see {@link AudioPath}). Whisper is accepted and has no audible effect in the sim.
 */
public final class Snooping {
    private static final List<String> DIRECTIONS = List.of("none", "both", "out", "in");

    private final World world;
    private final Stasis stasis;
    private final Hangups hangups;

    Snooping(World world, Stasis stasis, Hangups hangups) {
        this.world = world;
        this.stasis = stasis;
        this.hangups = hangups;
    }

    public JsonObject snoop(String targetId, String snoopId, String app, String appArgs, String spy, String whisper) {
        String spyDirection = direction(spy, "spy");
        String whisperDirection = direction(whisper, "whisper");
        if ("none".equals(spyDirection) && "none".equals(whisperDirection)) {
            throw AriError.badRequest("Direction must be specified for at least spy or whisper");
        }
        if (app == null || app.isBlank()) {
            throw AriError.badRequest("Application name is required");
        }
        Channel target = world.channels.get(targetId);
        if (target == null) {
            throw AriError.notFound("Provided channel was not found");
        }
        String id = snoopId == null || snoopId.isBlank() ? world.ids.nextUniqueId() : snoopId;
        if (world.channels.containsKey(id)) {
            throw AriError.of(500, "Snoop channel could not be created");
        }
        Channel snoop = new Channel(id, "Snoop/" + target.id + "-" + world.ids.nextNameSuffix(), Channel.Role.DIRECT,
                "Up", CallerId.EMPTY, Dialplan.at("default", "s"), world.clock.timestamp());
        snoop.snooped = target;
        snoop.spy = spyDirection;
        target.snoops.add(snoop);
        world.channels.put(snoop.id, snoop);
        world.heardLogs.create(snoop);
        List<String> args = appArgs == null || appArgs.isEmpty() ? List.of() : List.of(appArgs.split(",", -1));
        JsonObject snapshot = snoop.toJson();
        // At once, as Asterisk can (its StasisStart may come before the answer): a snoop is always in Stasis by the
        // time its target can go, so the app always sees it leave.
        if (!stasis.enter(snoop, app, args)) {
            world.defer(() -> hangups.endQuietly(snoop, Causes.NORMAL));
        }
        return snapshot;
    }

    private static String direction(String given, String which) {
        String direction = given == null || given.isEmpty() ? "none" : given;
        if (!DIRECTIONS.contains(direction)) {
            throw AriError.badRequest("Invalid direction specified for " + which);
        }
        return direction;
    }
}
