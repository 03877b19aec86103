package org.patchbay.asterisk.sim;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Pairs the captured events of app {@code voice} with the events the sim sends, in capture order: each
 * captured event takes the first unpaired sim event of the same type whose ids correspond (binding ids
 * seen for the first time). Differences in shape or values, events never sent, extra events, and events
 * about one channel, playback, recording or bridge arriving in another order than captured are collected
 * as problems. Order across different channels is not compared: Asterisk's threads interleave those
 * differently from run to run.
 */
final class EventMatcher {

    /** BRIDGEPEER variables are bookkeeping the sim does not model (allowed by its brief). */
    static boolean ignored(JsonObject event) {
        return "ChannelVarset".equals(event.getString("type")) && "BRIDGEPEER".equals(event.getString("variable"));
    }

    private final List<CaptureFile.Line> expected;
    private final EventCollector collector;
    private final IdMap ids;
    private final JsonDiff diff;
    private final List<String> problems;
    private final Set<Integer> consumed = new HashSet<>();
    private final Map<Integer, Integer> simIndexOf = new HashMap<>();
    private final Map<Integer, Long> arrivalOf = new HashMap<>();
    private int matched;

    EventMatcher(List<CaptureFile.Line> expected, EventCollector collector, IdMap ids, List<String> problems) {
        this.expected = expected;
        this.collector = collector;
        this.ids = ids;
        this.diff = new JsonDiff(ids);
        this.problems = problems;
    }

    /** Pairs the first {@code count} captured events, waiting for the sim's up to {@code timeoutMillis} each. */
    void awaitMatched(int count, long timeoutMillis) {
        while (matched < count) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (!tryMatch(matched)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    problems.add("never received " + describe(expected.get(matched).event()));
                    break;
                }
                collector.waitForMore(left);
            }
            matched++;
        }
    }

    /** When the sim event paired with captured event {@code index} arrived, or -1. */
    long arrivalNanos(int index) {
        return arrivalOf.getOrDefault(index, -1L);
    }

    void checkOrderAndExtras() {
        Map<String, List<Integer>> byEntity = new HashMap<>();
        for (int i = 0; i < expected.size(); i++) {
            if (simIndexOf.containsKey(i)) {
                for (String entity : entities(expected.get(i).event())) {
                    byEntity.computeIfAbsent(entity, key -> new ArrayList<>()).add(i);
                }
            }
        }
        byEntity.forEach((entity, indexes) -> {
            for (int k = 1; k < indexes.size(); k++) {
                int before = indexes.get(k - 1);
                int after = indexes.get(k);
                if (simIndexOf.get(before) > simIndexOf.get(after)) {
                    problems.add("order for " + entity + ": captured " + describe(expected.get(before).event())
                            + " before " + describe(expected.get(after).event()) + ", the sim sent them the other way");
                }
            }
        });
        List<EventCollector.Received> sim = collector.all();
        for (int j = 0; j < sim.size(); j++) {
            if (!consumed.contains(j) && !ignored(sim.get(j).event())) {
                problems.add("unexpected event " + describe(sim.get(j).event()));
            }
        }
    }

    private boolean tryMatch(int index) {
        JsonObject wanted = expected.get(index).event();
        List<EventCollector.Received> sim = collector.all();
        for (int j = 0; j < sim.size(); j++) {
            JsonObject candidate = sim.get(j).event();
            if (consumed.contains(j) || ignored(candidate) || !corresponds(wanted, candidate)) {
                continue;
            }
            bindIds(wanted, candidate);
            consumed.add(j);
            simIndexOf.put(index, j);
            arrivalOf.put(index, sim.get(j).receivedNanos());
            problems.addAll(diff.compare("event " + wanted.getString("type") + "#" + index, wanted, candidate));
            return true;
        }
        return false;
    }

    private boolean corresponds(JsonObject wanted, JsonObject candidate) {
        if (!wanted.getString("type").equals(candidate.getString("type"))) {
            return false;
        }
        for (String[] field : ID_FIELDS) {
            if (!ids.compatible(id(wanted, field), id(candidate, field))) {
                return false;
            }
        }
        return same(wanted, candidate, "variable") && same(wanted, candidate, "dialstatus");
    }

    private void bindIds(JsonObject wanted, JsonObject candidate) {
        for (String[] field : ID_FIELDS) {
            ids.bind(id(wanted, field), id(candidate, field));
        }
    }

    private static final String[][] ID_FIELDS = {
            {"channel", "id"}, {"peer", "id"}, {"playback", "id"}, {"bridge", "id"}, {"recording", "name"}};

    private static String id(JsonObject event, String[] field) {
        JsonObject holder = event.getJsonObject(field[0]);
        return holder == null ? null : holder.getString(field[1]);
    }

    private static boolean same(JsonObject a, JsonObject b, String key) {
        Object left = a.getValue(key);
        Object right = b.getValue(key);
        return left == null ? right == null : left.equals(right);
    }

    private static Set<String> entities(JsonObject event) {
        Set<String> out = new LinkedHashSet<>();
        for (String[] field : ID_FIELDS) {
            String id = id(event, field);
            if (id != null) {
                out.add(field[0] + ":" + id);
            }
        }
        for (String holder : List.of("playback", "recording")) {
            JsonObject media = event.getJsonObject(holder);
            if (media != null) {
                out.add(media.getString("target_uri"));
            }
        }
        return out;
    }

    static String describe(JsonObject event) {
        StringBuilder out = new StringBuilder(event.getString("type"));
        for (String[] field : ID_FIELDS) {
            String id = id(event, field);
            if (id != null) {
                out.append(' ').append(field[0]).append('=').append(id);
            }
        }
        for (String key : List.of("variable", "value", "dialstatus", "cause", "digit")) {
            if (event.containsKey(key)) {
                out.append(' ').append(key).append('=').append(event.getValue(key));
            }
        }
        JsonObject channel = event.getJsonObject("channel");
        if (channel != null) {
            out.append(" state=").append(channel.getString("state"));
        }
        for (String holder : List.of("playback", "recording")) {
            JsonObject media = event.getJsonObject(holder);
            if (media != null) {
                out.append(' ').append(holder).append(".state=").append(media.getString("state"));
            }
        }
        return out.toString();
    }
}
