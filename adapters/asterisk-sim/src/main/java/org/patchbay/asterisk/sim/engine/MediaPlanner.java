package org.patchbay.asterisk.sim.engine;

import io.vertx.core.Future;

import java.util.OptionalLong;

/** Decides how a media URI plays: the installed sounds, say-digits, tones, stored recordings and HTTP media. */
final class MediaPlanner {
    /** Asterisk's say-digits prompts are about this long each. */
    static final long SAY_MILLIS_PER_CHARACTER = 825;

    private final World world;

    MediaPlanner(World world) {
        this.world = world;
    }

    MediaPlan plan(String uri) {
        int colon = uri.indexOf(':');
        String scheme = colon < 0 ? "" : uri.substring(0, colon);
        String rest = colon < 0 ? uri : uri.substring(colon + 1);
        return switch (scheme) {
            case "sound" -> sound(rest);
            case "digits", "number" -> spoken(rest.chars().filter(c -> Character.isDigit(c) || c == '*' || c == '#').count());
            case "characters" -> spoken(rest.length());
            case "tone" -> new MediaPlan.Endless();
            case "recording" -> recording(rest);
            default -> new MediaPlan.Vanishes();
        };
    }

    private MediaPlan sound(String name) {
        if (name.startsWith("http://") || name.startsWith("https://")) {
            try {
                return new MediaPlan.Fetching(world.httpMedia.durationMillis(name));
            } catch (RuntimeException malformed) {
                return new MediaPlan.Fetching(Future.failedFuture(malformed));
            }
        }
        OptionalLong millis = world.catalog.soundMillis(name);
        return millis.isPresent() ? new MediaPlan.Timed(millis.getAsLong()) : new MediaPlan.Failed();
    }

    private static MediaPlan spoken(long characters) {
        return characters == 0 ? new MediaPlan.Failed() : new MediaPlan.Timed(characters * SAY_MILLIS_PER_CHARACTER);
    }

    private MediaPlan recording(String name) {
        StoredRecording stored = world.stored.get(name);
        return stored == null ? new MediaPlan.Failed() : new MediaPlan.Timed(stored.millis());
    }
}
