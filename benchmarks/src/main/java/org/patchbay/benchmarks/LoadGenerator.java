package org.patchbay.benchmarks;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;

/**
 * Places calls through the simulator's {@code POST /sim/calls} at a fixed rate for a fixed time, open loop:
 * each call is due at {@code start + n / rate} whatever happened to the earlier ones, so a slow system shows
 * up as failures and latency rather than as a quietly lower rate. A tick every few milliseconds sends what is
 * due, at most {@code concurrency} requests in flight; when that limit holds calls back, the lag is reported.
 */
final class LoadGenerator {
    private static final long TICK_MILLIS = 2;

    /** A call the simulator accepted: its unique caller number and the channel that entered Stasis. */
    record PlacedCall(String from, String channelId) {
    }

    /**
     * @param placed          calls the simulator accepted, in the order they were placed
     * @param refused         calls whose {@code /sim/calls} request failed
     * @param firstRefusal    why the first refused call was refused, or null
     * @param placedPerSecond calls sent per second over the placing window
     * @param maxLagMillis    the furthest a call was sent behind its due time
     */
    record Outcome(List<PlacedCall> placed, int refused, String firstRefusal, double placedPerSecond,
                   double maxLagMillis) {
    }

    private final Vertx vertx;
    private final Context context;
    private final SimClient sim;
    private final int concurrency;
    private final CallerNumbers callers;

    LoadGenerator(Vertx vertx, Context context, SimClient sim, int concurrency, CallerNumbers callers) {
        this.vertx = vertx;
        this.context = context;
        this.sim = sim;
        this.concurrency = concurrency;
        this.callers = callers;
    }

    /** Places {@code rate × seconds} calls to {@code number}; completes once every request was answered. */
    Future<Outcome> run(int rate, double seconds, String number) {
        Promise<Outcome> done = Promise.promise();
        int total = (int) Math.round(rate * seconds);
        context.runOnContext(ignored -> new Run(rate, total, number, done).start());
        return done.future();
    }

    /** One run's state, touched only on the generator's context. */
    private final class Run {
        private final int rate;
        private final int total;
        private final String number;
        private final Promise<Outcome> done;
        private final List<PlacedCall> placed;
        private long startNanos;
        private long lastSentNanos;
        private long maxLagNanos;
        private long timer;
        private int sent;
        private int inFlight;
        private int refused;
        private String firstRefusal;

        Run(int rate, int total, String number, Promise<Outcome> done) {
            this.rate = rate;
            this.total = total;
            this.number = number;
            this.done = done;
            this.placed = new ArrayList<>(total);
        }

        void start() {
            startNanos = System.nanoTime();
            timer = vertx.setPeriodic(TICK_MILLIS, id -> tick());
            tick();
        }

        private void tick() {
            long now = System.nanoTime();
            long due = Math.min(total, (now - startNanos) * rate / 1_000_000_000L + 1);
            while (sent < due && inFlight < concurrency) {
                long dueAt = startNanos + sent * 1_000_000_000L / rate;
                maxLagNanos = Math.max(maxLagNanos, now - dueAt);
                send();
            }
            if (sent == total) {
                vertx.cancelTimer(timer);
                finishIfAnswered();
            }
        }

        private void send() {
            sent++;
            inFlight++;
            lastSentNanos = System.nanoTime();
            String from = callers.next();
            sim.placeCall(from, number).onComplete(result -> {
                inFlight--;
                if (result.succeeded()) {
                    placed.add(new PlacedCall(from, result.result()));
                } else {
                    refused++;
                    if (firstRefusal == null) {
                        firstRefusal = String.valueOf(result.cause().getMessage());
                    }
                }
                finishIfAnswered();
            });
        }

        private void finishIfAnswered() {
            if (sent == total && inFlight == 0 && !done.future().isComplete()) {
                double windowSeconds = (lastSentNanos - startNanos) / 1e9 + 1.0 / rate;
                done.complete(new Outcome(placed, refused, firstRefusal, sent / windowSeconds, maxLagNanos / 1e6));
            }
        }
    }
}
