package org.patchbay.server.dashboard;

import io.vertx.core.json.JsonArray;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Calls started, completed and failed (ended any other way) per second, and instruction-fetch times,
 * over the last {@link #SECONDS} seconds, per account: what the dashboard plots.
 */
final class CallRates {
    static final int SECONDS = 900;
    /** Fetch times kept per second and account for the percentiles; more in one second are sampled evenly (a reservoir). */
    private static final int SAMPLES = 256;

    private final Map<String, Series> perAccount = new HashMap<>();

    private static final class Series {
        final long[] second = new long[SECONDS];
        final int[] started = new int[SECONDS];
        final int[] completed = new int[SECONDS];
        final int[] failed = new int[SECONDS];
        final long[][] fetches = new long[SECONDS][];
        final int[] fetchCount = new int[SECONDS];

        int slot(long epochSecond) {
            int i = (int) Math.floorMod(epochSecond, (long) SECONDS);
            if (second[i] != epochSecond) {
                second[i] = epochSecond;
                started[i] = 0;
                completed[i] = 0;
                failed[i] = 0;
                fetchCount[i] = 0;
            }
            return i;
        }
    }

    void started(String accountSid, long epochSecond) {
        Series s = series(accountSid);
        s.started[s.slot(epochSecond)]++;
    }

    void ended(String accountSid, long epochSecond, boolean completed) {
        Series s = series(accountSid);
        int i = s.slot(epochSecond);
        if (completed) {
            s.completed[i]++;
        } else {
            s.failed[i]++;
        }
    }

    void fetched(String accountSid, long epochSecond, long millis) {
        Series s = series(accountSid);
        int i = s.slot(epochSecond);
        if (s.fetches[i] == null) {
            s.fetches[i] = new long[SAMPLES];
        }
        int n = s.fetchCount[i]++;
        if (n < SAMPLES) {
            s.fetches[i][n] = millis;
        } else {
            int replaced = ThreadLocalRandom.current().nextInt(n + 1);
            if (replaced < SAMPLES) {
                s.fetches[i][replaced] = millis;
            }
        }
    }

    private Series series(String accountSid) {
        return perAccount.computeIfAbsent(accountSid, a -> new Series());
    }

    /** Rows {@code [epochSecond, started, completed, failed, p50 ms, p99 ms]} for seconds {@code from..to}, oldest first. */
    JsonArray rows(Scope scope, long from, long to) {
        JsonArray rows = new JsonArray();
        for (long sec = from; sec <= to; sec++) {
            rows.add(row(scope, sec));
        }
        return rows;
    }

    private JsonArray row(Scope scope, long sec) {
        int i = (int) Math.floorMod(sec, (long) SECONDS);
        int started = 0;
        int completed = 0;
        int failed = 0;
        long[] times = new long[0];
        for (Map.Entry<String, Series> entry : perAccount.entrySet()) {
            Series s = entry.getValue();
            if (!scope.sees(entry.getKey()) || s.second[i] != sec) {
                continue;
            }
            started += s.started[i];
            completed += s.completed[i];
            failed += s.failed[i];
            int kept = Math.min(s.fetchCount[i], SAMPLES);
            if (kept > 0) {
                long[] merged = Arrays.copyOf(times, times.length + kept);
                System.arraycopy(s.fetches[i], 0, merged, times.length, kept);
                times = merged;
            }
        }
        Arrays.sort(times);
        return new JsonArray().add(sec).add(started).add(completed).add(failed)
                .add(percentile(times, 0.50)).add(percentile(times, 0.99));
    }

    private static Long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return null;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
