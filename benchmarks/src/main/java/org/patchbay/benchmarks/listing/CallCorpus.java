package org.patchbay.benchmarks.listing;

import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.call.Direction;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The stored calls of a busy account over 13 months, made up reproducibly: one account, calls spread evenly
 * in time, {@value #TO_NUMBERS} called numbers (about a hundred calls each), {@value #FROM_NUMBERS} callers,
 * statuses as a PBX sees them (most completed; a few hundred still in progress, all in the last hour).
 */
final class CallCorpus {
    static final String ACCOUNT = "AC" + "b".repeat(32);
    static final int TO_NUMBERS = 10_000;
    static final int FROM_NUMBERS = 100_000;
    static final int LIVE_CALLS = 200;

    final int size;
    final Instant newest;
    final Instant oldest;
    private final long spanMillis;

    CallCorpus(int size, Instant newest) {
        this.size = size;
        this.newest = newest;
        this.oldest = newest.minus(Duration.ofDays(395));
        this.spanMillis = Duration.between(oldest, newest).toMillis();
    }

    static String to(int n) {
        return "+1555" + String.format("%07d", n % TO_NUMBERS);
    }

    /** Call {@code i} (0 is the oldest). */
    CallRecord call(int i) {
        SplittableRandom random = new SplittableRandom(i * 0x9E3779B97F4A7C15L);
        Instant created = oldest.plusMillis(spanMillis * i / size);
        String sid = "CA" + String.format("%032x", i);
        CallStatus status = i >= size - LIVE_CALLS ? CallStatus.IN_PROGRESS : finalStatus(random.nextInt(100));
        var call = CallRecord.newCall(sid, ACCOUNT, i % 3 == 0 ? Direction.OUTBOUND_API : Direction.INBOUND, status, created)
                .between("+1666" + String.format("%07d", random.nextInt(FROM_NUMBERS)), to(random.nextInt(TO_NUMBERS)))
                .carriedBy("chan-" + i, "node-a");
        if (status == CallStatus.COMPLETED || status == CallStatus.IN_PROGRESS) {
            Instant start = created.plusSeconds(1 + random.nextInt(20));
            long seconds = 5 + random.nextInt(600);
            return status == CallStatus.IN_PROGRESS
                    ? call.updated(start).times(start, null, null).build()
                    : call.updated(start.plusSeconds(seconds)).times(start, start.plusSeconds(seconds), seconds).build();
        }
        Instant end = created.plusSeconds(random.nextInt(30));
        return call.updated(end).times(null, end, 0L).build();
    }

    private static CallStatus finalStatus(int percent) {
        if (percent < 85) {
            return CallStatus.COMPLETED;
        } else if (percent < 92) {
            return CallStatus.NO_ANSWER;
        } else if (percent < 96) {
            return CallStatus.BUSY;
        } else if (percent < 99) {
            return CallStatus.FAILED;
        }
        return CallStatus.CANCELED;
    }
}
