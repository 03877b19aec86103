package org.patchbay.benchmarks;

import java.util.Arrays;

/**
 * The inbound frames of one stream as the app saw them. The simulated caller sends one frame every 20 ms, so frame
 * {@code k} is due {@code 20·k} ms after the stream's schedule began; the schedule is taken from the frame that came
 * earliest relative to it, and a frame's lateness is how much later than that it came (drift and jitter of the sim's
 * timer, Patchbay and the sockets together). Only one event loop touches an instance
 * at a time, and the driver reads it after the stream's audio has ended.
 */
final class FrameTiming {
    static final long FRAME_NANOS = 20_000_000L;

    private final long startedNanos = System.nanoTime();
    private long[] arrivals = new long[1024];
    private long[] stamps = new long[1024];
    private int frames;
    private int echoed;

    /** @param timestampMillis the frame's {@code timestamp}: when Patchbay got it from the PBX, ms after its start */
    void arrived(long nanos, long timestampMillis) {
        if (frames == arrivals.length) {
            arrivals = Arrays.copyOf(arrivals, frames * 2);
            stamps = Arrays.copyOf(stamps, frames * 2);
        }
        stamps[frames] = timestampMillis;
        arrivals[frames++] = nanos;
    }

    /**
     * How long after Patchbay took each frame from the PBX the app had it, in ms: arrival minus (the {@code start}
     * message's arrival + the frame's {@code timestamp}). The start message's own transit is in every value, so this
     * over-states by about a millisecond; the ms rounding of {@code timestamp} can make it up to 1 ms early.
     */
    double[] transitMillis() {
        double[] out = new double[frames];
        for (int k = 0; k < frames; k++) {
            out[k] = (arrivals[k] - startedNanos) / 1e6 - stamps[k];
        }
        return out;
    }

    void echoed() {
        echoed++;
    }

    int frames() {
        return frames;
    }

    int echoedFrames() {
        return echoed;
    }

    /** Lateness of each frame, in milliseconds. */
    double[] latenessMillis() {
        long earliest = Long.MAX_VALUE;
        for (int k = 0; k < frames; k++) {
            earliest = Math.min(earliest, arrivals[k] - k * FRAME_NANOS);
        }
        double[] out = new double[frames];
        for (int k = 0; k < frames; k++) {
            out[k] = (arrivals[k] - k * FRAME_NANOS - earliest) / 1e6;
        }
        return out;
    }
}
