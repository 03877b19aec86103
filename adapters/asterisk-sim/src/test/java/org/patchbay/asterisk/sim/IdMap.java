package org.patchbay.asterisk.sim;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the channel ids Asterisk generated in a capture ({@code 1795477005.117}) to the ones the sim
 * generated, as they first appear. Ids the app chose ({@code dialed-b}, {@code pb-hello-1}) map to themselves.
 */
final class IdMap {
    private static final Pattern GENERATED = Pattern.compile("\\b\\d{9,}\\.\\d+\\b");

    private final Map<String, String> toSim = new HashMap<>();
    private final Map<String, String> toCapture = new HashMap<>();

    static boolean generated(String id) {
        return id != null && GENERATED.matcher(id).matches();
    }

    String sim(String captureId) {
        return generated(captureId) ? toSim.get(captureId) : captureId;
    }

    boolean compatible(String captureId, String simId) {
        if (captureId == null || simId == null) {
            return captureId == null && simId == null;
        }
        if (!generated(captureId)) {
            return captureId.equals(simId);
        }
        String bound = toSim.get(captureId);
        if (bound != null) {
            return bound.equals(simId);
        }
        return generated(simId) && !toCapture.containsKey(simId);
    }

    /** Binds an unbound generated id; returns whether the two ids correspond. */
    boolean bind(String captureId, String simId) {
        if (!compatible(captureId, simId)) {
            return false;
        }
        if (generated(captureId) && !toSim.containsKey(captureId)) {
            toSim.put(captureId, simId);
            toCapture.put(simId, captureId);
        }
        return true;
    }

    /** Replaces every generated id in a path, body or value by the sim's; fails on ids not seen yet. */
    String toSimText(String text) {
        Matcher matcher = GENERATED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String simId = toSim.get(matcher.group());
            if (simId == null) {
                throw new AssertionError("capture id " + matcher.group() + " has no sim id yet, in: " + text);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(simId));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Like {@link #toSimText} but leaves unknown ids alone (for comparing values). */
    String toSimTextLenient(String text) {
        Matcher matcher = GENERATED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String simId = toSim.getOrDefault(matcher.group(), matcher.group());
            matcher.appendReplacement(out, Matcher.quoteReplacement(simId));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
