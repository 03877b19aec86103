package org.patchbay.asterisk.sim.engine;

import io.vertx.core.Vertx;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Simulated time. Every duration the sim models (rings, prompts, DTMF, recordings) is expressed in
 * simulated milliseconds and runs {@code scale} times as fast as real time, so tests can use
 * "fast time" while the timestamps in events still show the durations a real PBX would.
 */
public final class SimClock {
    private static final DateTimeFormatter ARI_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx").withZone(ZoneOffset.UTC);

    private final Vertx vertx;
    private double scale;
    private long realAnchorNanos;
    private long simAnchorMillis;

    public SimClock(Vertx vertx, double scale) {
        if (scale <= 0) {
            throw new IllegalArgumentException("time scale must be positive: " + scale);
        }
        this.vertx = vertx;
        this.scale = scale;
        this.realAnchorNanos = System.nanoTime();
        this.simAnchorMillis = System.currentTimeMillis();
    }

    /** Simulated wall-clock time in epoch milliseconds. */
    public long nowMillis() {
        return simAnchorMillis + (long) ((System.nanoTime() - realAnchorNanos) / 1_000_000.0 / scale);
    }

    public String timestamp() {
        return format(nowMillis());
    }

    public static String format(long epochMillis) {
        return ARI_TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    public double scale() {
        return scale;
    }

    /** Re-anchors so that simulated time stays continuous across the change; running timers keep their real delay. */
    public void setScale(double newScale) {
        if (newScale <= 0) {
            throw new IllegalArgumentException("time scale must be positive: " + newScale);
        }
        simAnchorMillis = nowMillis();
        realAnchorNanos = System.nanoTime();
        scale = newScale;
    }

    /** Runs {@code action} on the calling context after {@code simMillis} of simulated time. */
    public long after(long simMillis, Runnable action) {
        long realMillis = Math.max(1, (long) Math.ceil(Math.max(0, simMillis) * scale));
        return vertx.setTimer(realMillis, id -> action.run());
    }

    public void cancel(long timerId) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }
}
