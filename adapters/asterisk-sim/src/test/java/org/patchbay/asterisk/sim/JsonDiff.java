package org.patchbay.asterisk.sim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a captured JSON value with the sim's: the same keys recursively, the same JSON types, and
 * equal values except where a value is inherently different on another machine or run (times, build
 * details). Generated ids are compared through the {@link IdMap}, and the 8-hex counters and addresses in channel
 * names are ignored.
 */
final class JsonDiff {
    /** Times, build details, and chan_websocket's random connection id. */
    private static final Set<String> VOLATILE = Set.of("timestamp", "creationtime", "asterisk_id", "startup_time",
            "last_reload_time", "build", "MEDIA_WEBSOCKET_CONNECTION_ID");

    private final IdMap ids;

    JsonDiff(IdMap ids) {
        this.ids = ids;
    }

    List<String> compare(String where, Object capture, Object sim) {
        List<String> out = new ArrayList<>();
        walk(where, null, capture, sim, true, out);
        return out;
    }

    /** Learns generated channel ids from the {@code id} fields of matching objects. */
    void learnIds(Object capture, Object sim) {
        if (capture instanceof JsonObject captured && sim instanceof JsonObject simulated) {
            if (captured.getValue("id") instanceof String captureId && simulated.getValue("id") instanceof String simId) {
                ids.bind(captureId, simId);
            }
            for (String key : captured.fieldNames()) {
                learnIds(captured.getValue(key), simulated.getValue(key));
            }
        } else if (capture instanceof JsonArray captured && sim instanceof JsonArray simulated) {
            for (int i = 0; i < Math.min(captured.size(), simulated.size()); i++) {
                learnIds(captured.getValue(i), simulated.getValue(i));
            }
        }
    }

    private void walk(String path, String key, Object capture, Object sim, boolean values, List<String> out) {
        if (capture instanceof JsonObject captured) {
            if (!(sim instanceof JsonObject simulated)) {
                out.add(path + ": expected an object, got " + describe(sim));
                return;
            }
            Set<String> keys = new TreeSet<>(captured.fieldNames());
            keys.addAll(simulated.fieldNames());
            for (String field : keys) {
                if (!captured.containsKey(field)) {
                    out.add(path + "." + field + ": unexpected key (sim has " + simulated.getValue(field) + ")");
                } else if (!simulated.containsKey(field)) {
                    out.add(path + "." + field + ": missing key (capture has " + captured.getValue(field) + ")");
                } else {
                    walk(path + "." + field, field, captured.getValue(field), simulated.getValue(field),
                            values && !VOLATILE.contains(field), out);
                }
            }
        } else if (capture instanceof JsonArray captured) {
            if (!(sim instanceof JsonArray simulated)) {
                out.add(path + ": expected an array, got " + describe(sim));
                return;
            }
            if (captured.size() != simulated.size()) {
                if (values) {
                    out.add(path + ": expected " + captured.size() + " elements " + captured + ", got " + simulated);
                }
                return;
            }
            if ("channels".equals(key) && values) {
                compareUnordered(path, captured, simulated, out);
                return;
            }
            for (int i = 0; i < captured.size(); i++) {
                walk(path + "[" + i + "]", key, captured.getValue(i), simulated.getValue(i), values, out);
            }
        } else {
            compareScalar(path, capture, sim, values, out);
        }
    }

    private void compareScalar(String path, Object capture, Object sim, boolean values, List<String> out) {
        if (!sameType(capture, sim)) {
            out.add(path + ": expected " + describe(capture) + ", got " + describe(sim));
            return;
        }
        if (capture == null || !values) {
            return;
        }
        if (capture instanceof String text) {
            String expected = withoutCounters(ids.toSimTextLenient(text));
            String actual = withoutCounters((String) sim);
            if (!expected.equals(actual)) {
                out.add(path + ": expected \"" + expected + "\", got \"" + actual + "\"");
            }
        } else if (capture instanceof Number number) {
            if (number.doubleValue() != ((Number) sim).doubleValue()) {
                out.add(path + ": expected " + capture + ", got " + sim);
            }
        } else if (!capture.equals(sim)) {
            out.add(path + ": expected " + capture + ", got " + sim);
        }
    }

    /** A bridge's channel ids, which Asterisk lists in the order of its hash container, not of joining. */
    private void compareUnordered(String path, JsonArray capture, JsonArray sim, List<String> out) {
        List<String> expected = new ArrayList<>();
        capture.forEach(id -> expected.add(ids.toSimTextLenient(String.valueOf(id))));
        List<String> actual = new ArrayList<>();
        sim.forEach(id -> actual.add(String.valueOf(id)));
        expected.sort(null);
        actual.sort(null);
        if (!expected.equals(actual)) {
            out.add(path + ": expected the channels " + expected + " in any order, got " + actual);
        }
    }

    private static boolean sameType(Object capture, Object sim) {
        if (capture == null || sim == null) {
            return capture == sim;
        }
        if (capture instanceof Number) {
            return sim instanceof Number;
        }
        return capture.getClass() == sim.getClass();
    }

    /** Also the address in a chan_websocket channel's name ({@code WebSocket/INCOMING/0x7f8ec400a080}). */
    static String withoutCounters(String text) {
        return text.replaceAll("-[0-9a-f]{8}(?=;|,|$)", "-########")
                .replaceAll("^WebSocket/INCOMING/0x[0-9a-f]+$", "WebSocket/INCOMING/0x#");
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }
}
