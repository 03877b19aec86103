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

    /** Scale and anchors change together, so readers on other threads never see half a change. */
    private record Anchor(double scale, long realNanos, long simMillis) {
    }

    private final Vertx vertx;
    private volatile Anchor anchor;

    public SimClock(Vertx vertx, double scale) {
        if (scale <= 0) {
            throw new IllegalArgumentException("time scale must be positive: " + scale);
        }
        this.vertx = vertx;
        this.anchor = new Anchor(scale, System.nanoTime(), System.currentTimeMillis());
    }

    /** Simulated wall-clock time in epoch milliseconds; safe to call from any thread. */
    public long nowMillis() {
        Anchor current = anchor;
        return current.simMillis() + (long) ((System.nanoTime() - current.realNanos()) / 1_000_000.0 / current.scale());
    }

    public String timestamp() {
        return format(nowMillis());
    }

    public static String format(long epochMillis) {
        return ARI_TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    public double scale() {
        return anchor.scale();
    }

    /** Re-anchors so that simulated time stays continuous across the change; running timers keep their real delay. */
    public void setScale(double newScale) {
        if (newScale <= 0) {
            throw new IllegalArgumentException("time scale must be positive: " + newScale);
        }
        long simMillis = nowMillis();
        anchor = new Anchor(newScale, System.nanoTime(), simMillis);
    }

    /** Runs {@code action} on the calling context after {@code simMillis} of simulated time. */
    public long after(long simMillis, Runnable action) {
        long realMillis = Math.max(1, (long) Math.ceil(Math.max(0, simMillis) * anchor.scale()));
        return vertx.setTimer(realMillis, id -> action.run());
    }

    public void cancel(long timerId) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }
}
