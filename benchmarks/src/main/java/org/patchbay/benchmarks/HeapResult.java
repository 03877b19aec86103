package org.patchbay.benchmarks;

import java.util.List;

/**
 * What live calls cost Patchbay's heap, measured three times: before the calls, with all of them live, and
 * once they had all ended. Each time twice, both right after a full GC: the class histogram's total of live
 * objects (exact to the byte) and {@code GC.heap_info}'s {@code used} (counts whole region tops, so it moves
 * by a megabyte or two whatever the calls do; a cross-check only).
 *
 * @param calls          calls held open at once
 * @param histogramBytes live bytes by class histogram: before, live, after
 * @param heapInfoBytes  heap used by {@code GC.heap_info}: before, live, after
 * @param topClasses     the classes that grew most with the calls live, per call
 */
record HeapResult(int calls, long[] histogramBytes, long[] heapInfoBytes, List<ClassGrowth> topClasses) {
    static final int BEFORE = 0;
    static final int LIVE = 1;
    static final int AFTER = 2;

    /** One class's growth per live call. */
    record ClassGrowth(String className, double bytesPerCall) {
    }

    double kibPerLiveSession() {
        return perCallKib(histogramBytes, LIVE);
    }

    double heapInfoKibPerLiveSession() {
        return perCallKib(heapInfoBytes, LIVE);
    }

    /** What an ended call leaves behind: its record (and any notifications) in the in-memory store. */
    double kibRetainedPerEndedCall() {
        return perCallKib(histogramBytes, AFTER);
    }

    private double perCallKib(long[] bytes, int when) {
        return (bytes[when] - bytes[BEFORE]) / 1024.0 / calls;
    }
}
