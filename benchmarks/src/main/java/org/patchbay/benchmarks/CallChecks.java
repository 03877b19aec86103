package org.patchbay.benchmarks;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Judges the calls of a step once they are over. A call failed unless Patchbay's record of it says
 * {@code completed} and the simulator says its caller heard the whole {@code <Say>} prompt; the time from
 * its StasisStart to Patchbay's first play request is taken from the simulator's timings.
 */
final class CallChecks {
    private static final int CHECKS_IN_FLIGHT = 16;

    /**
     * @param latenciesMillis StasisStart → first play request, one per call that got both
     * @param failed          calls that did not pass
     * @param reasons         why they failed, with counts (a call may have several reasons)
     */
    record Verdict(List<Double> latenciesMillis, int failed, Map<String, Integer> reasons) {
    }

    private CallChecks() {
    }

    static Future<Verdict> judge(Context context, SimClient sim, PatchbayClient patchbay,
                                 List<LoadGenerator.PlacedCall> calls) {
        Future<Map<String, SimClient.Timing>> timings = sim.timings();
        Future<Map<String, String>> statuses = patchbay.callStatusesByFrom(Cluster.ROUTED_NUMBER);
        Future<List<Boolean>> prompted = Parallel.map(context, calls, CHECKS_IN_FLIGHT,
                call -> sim.heard(call.channelId()).map(CallChecks::heardWholePrompt));
        return Future.all(timings, statuses, prompted)
                .map(all -> verdict(calls, timings.result(), statuses.result(), prompted.result()));
    }

    private static Verdict verdict(List<LoadGenerator.PlacedCall> calls, Map<String, SimClient.Timing> timings,
                                   Map<String, String> statuses, List<Boolean> prompted) {
        List<Double> latencies = new ArrayList<>(calls.size());
        Map<String, Integer> reasons = new TreeMap<>();
        int failed = 0;
        for (int i = 0; i < calls.size(); i++) {
            LoadGenerator.PlacedCall call = calls.get(i);
            List<String> wrong = new ArrayList<>();
            SimClient.Timing timing = timings.get(call.channelId());
            if (timing == null) {
                wrong.add("never entered Stasis");
            } else if (timing.firstPlayMicros() == null) {
                wrong.add("no play request");
            } else {
                latencies.add((timing.firstPlayMicros() - timing.stasisStartMicros()) / 1000.0);
            }
            if (!prompted.get(i)) {
                wrong.add("prompt not heard to the end");
            }
            String status = statuses.get(call.from());
            if (!"completed".equals(status)) {
                wrong.add(status == null ? "no call record" : "call record " + status);
            }
            if (!wrong.isEmpty()) {
                failed++;
                wrong.forEach(reason -> reasons.merge(reason, 1, Integer::sum));
            }
        }
        return new Verdict(latencies, failed, reasons);
    }

    /** The caller heard a speech prompt Patchbay served ({@code /media/tts/}) play to its end. */
    private static boolean heardWholePrompt(JsonArray heard) {
        for (Object item : heard) {
            JsonObject entry = (JsonObject) item;
            if ("playback".equals(entry.getString("kind")) && "done".equals(entry.getString("outcome"))
                    && String.valueOf(entry.getString("detail")).contains("/media/tts/")) {
                return true;
            }
        }
        return false;
    }
}
