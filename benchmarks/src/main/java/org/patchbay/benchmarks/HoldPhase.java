package org.patchbay.benchmarks;

import io.vertx.core.Context;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Heap per live session: many calls held open at once on a document with a long {@code <Pause>}, Patchbay's
 * heap after a full GC compared with the same before they came and after they left.
 */
final class HoldPhase {
    private static final int PLACING_RATE = 200;
    private static final int HANGUPS_IN_FLIGHT = 16;
    private static final int TOP_CLASSES = 8;
    private static final long LIVE_TIMEOUT_MILLIS = 120_000;
    private static final long SETTLE_MILLIS = 1_000;

    private final Context context;
    private final SimClient sim;
    private final AppClient app;
    private final PatchbayClient patchbay;
    private final LoadGenerator load;
    private final RoutingStep steps;
    private final HeapProbe heap;

    HoldPhase(Context context, SimClient sim, AppClient app, PatchbayClient patchbay, LoadGenerator load,
              RoutingStep steps, HeapProbe heap) {
        this.context = context;
        this.sim = sim;
        this.app = app;
        this.patchbay = patchbay;
        this.load = load;
        this.steps = steps;
        this.heap = heap;
    }

    HeapResult run(int calls) {
        steps.awaitQuiet();
        long holdsBefore = app.stats().await().getLong("hold");
        long[] heapInfo = new long[3];
        long[] histogram = new long[3];
        heapInfo[HeapResult.BEFORE] = heap.usedAfterFullGc();
        HeapProbe.Histogram idleHistogram = heap.histogram();
        histogram[HeapResult.BEFORE] = idleHistogram.totalBytes();

        LoadGenerator.Outcome outcome = load.run(PLACING_RATE, (double) calls / PLACING_RATE, Cluster.HOLD_NUMBER)
                .await();
        if (outcome.refused() > 0) {
            throw new IllegalStateException(outcome.refused() + " hold calls refused: " + outcome.firstRefusal());
        }
        int held = outcome.placed().size();
        steps.awaitUntil(held + " calls to be live in Patchbay, pausing", LIVE_TIMEOUT_MILLIS,
                () -> patchbay.liveCalls().await() >= held
                        && app.stats().await().getLong("hold") >= holdsBefore + held);
        Cluster.sleepMillis(SETTLE_MILLIS);
        heapInfo[HeapResult.LIVE] = heap.usedAfterFullGc();
        HeapProbe.Histogram liveHistogram = heap.histogram();
        histogram[HeapResult.LIVE] = liveHistogram.totalBytes();
        if (patchbay.liveCalls().await() < held) {
            throw new IllegalStateException("some held calls ended while the heap was measured");
        }

        Parallel.map(context, outcome.placed(), HANGUPS_IN_FLIGHT, call -> sim.hangUp(call.channelId())).await();
        steps.awaitQuiet();
        Cluster.sleepMillis(SETTLE_MILLIS);
        heapInfo[HeapResult.AFTER] = heap.usedAfterFullGc();
        histogram[HeapResult.AFTER] = heap.histogram().totalBytes();
        return new HeapResult(held, histogram, heapInfo, topGrowth(idleHistogram, liveHistogram, held));
    }

    private static List<HeapResult.ClassGrowth> topGrowth(HeapProbe.Histogram before, HeapProbe.Histogram after,
                                                          int calls) {
        List<HeapResult.ClassGrowth> growth = new ArrayList<>();
        for (Map.Entry<String, Long> entry : after.bytesByClass().entrySet()) {
            long delta = entry.getValue() - before.bytesByClass().getOrDefault(entry.getKey(), 0L);
            growth.add(new HeapResult.ClassGrowth(entry.getKey(), (double) delta / calls));
        }
        growth.sort(Comparator.comparingDouble(HeapResult.ClassGrowth::bytesPerCall).reversed());
        return growth.subList(0, Math.min(TOP_CLASSES, growth.size()));
    }
}
