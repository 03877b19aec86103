package org.patchbay.asterisk.sim.engine;

import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * {@code POST /channels/{id}/snoop}: a Snoop channel that hears the target (spy) and enters the
 * app at once, as res_stasis_snoop does. A recording of it runs continuously; it hangs up when the
 * target does. Bridged, it sends the direction it spies on into its bridge (see {@link AudioPath}). Whisper is
 * accepted and has no audible effect in the sim.
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
        if (app == null || app.isBlank()) {
            throw AriError.badRequest("Application must be specified");
        }
        String spyDirection = spy == null ? "none" : spy;
        String whisperDirection = whisper == null ? "none" : whisper;
        if (!DIRECTIONS.contains(spyDirection) || !DIRECTIONS.contains(whisperDirection)) {
            throw AriError.badRequest("Invalid direction specified");
        }
        if ("none".equals(spyDirection) && "none".equals(whisperDirection)) {
            throw AriError.badRequest("Direction must be specified for at least spy or whisper");
        }
        Channel target = world.channel(targetId);
        String id = snoopId == null || snoopId.isBlank() ? world.ids.nextUniqueId() : snoopId;
        Channel snoop = new Channel(id, "Snoop/" + target.id + "-" + world.ids.nextNameSuffix(), Channel.Role.DIRECT,
                "Up", target.caller, Dialplan.at("default", "s"), world.clock.timestamp());
        snoop.snooped = target;
        snoop.spy = spyDirection;
        target.snoops.add(snoop);
        world.channels.put(snoop.id, snoop);
        world.heardLogs.create(snoop);
        snoop.subscribe(app, true);
        List<String> args = appArgs == null || appArgs.isEmpty() ? List.of() : List.of(appArgs.split(",", -1));
        JsonObject snapshot = snoop.toJson();
        world.defer(() -> {
            if (snoop.alive() && !stasis.enter(snoop, app, args)) {
                hangups.endQuietly(snoop, Causes.NORMAL);
            }
        });
        return snapshot;
    }
}
