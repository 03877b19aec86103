package org.patchbay.adapters.tts;

/**
 * Band-limited sample-rate conversion (windowed-sinc polyphase filter) from espeak-ng's
 * 22050 Hz to the 8 or 16 kHz Asterisk plays natively. Dropping or averaging samples would
 * fold the 4–11 kHz part of the voice back into the telephone band as hiss, so the filter
 * low-passes below the new Nyquist frequency while it interpolates.
 */
final class Resampler {

    /** Filter length in zero crossings of the sinc on each side: steep enough for telephony. */
    private static final int ZERO_CROSSINGS = 16;
    /** Cut-off as a fraction of the lower Nyquist frequency, leaving room for the transition band. */
    private static final double PASSBAND = 0.9;

    private final int inRate;
    private final int outRate;
    private final int up;
    private final int down;
    private final int halfTaps;
    /** One row of filter coefficients per fractional position between two input samples. */
    private final double[][] phases;

    Resampler(int inRate, int outRate) {
        this.inRate = inRate;
        this.outRate = outRate;
        int gcd = gcd(inRate, outRate);
        this.up = outRate / gcd;
        this.down = inRate / gcd;
        double cutoff = 0.5 * PASSBAND * Math.min(1.0, (double) outRate / inRate);
        double halfWidth = ZERO_CROSSINGS / (2 * cutoff);
        this.halfTaps = (int) Math.ceil(halfWidth);
        this.phases = new double[up][];
        for (int phase = 0; phase < up; phase++) {
            phases[phase] = coefficients((double) phase / up, cutoff, halfWidth);
        }
    }

    Pcm resample(Pcm in) {
        if (in.sampleRate() != inRate) {
            throw new IllegalArgumentException("expected " + inRate + " Hz audio, got " + in.sampleRate() + " Hz");
        }
        short[] x = in.samples();
        int outLength = (int) ((long) x.length * up / down);
        short[] y = new short[outLength];
        for (int n = 0; n < outLength; n++) {
            long position = (long) n * down;
            int base = (int) (position / up);
            double[] taps = phases[(int) (position % up)];
            double sum = 0;
            for (int i = 0; i < taps.length; i++) {
                int k = base - halfTaps + 1 + i;
                if (k >= 0 && k < x.length) {
                    sum += x[k] * taps[i];
                }
            }
            y[n] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(sum)));
        }
        return new Pcm(y, outRate);
    }

    /** Taps for an output sample lying {@code fraction} of the way from input sample 0 to 1. */
    private double[] coefficients(double fraction, double cutoff, double halfWidth) {
        double[] taps = new double[2 * halfTaps];
        for (int i = 0; i < taps.length; i++) {
            double distance = fraction - (i - halfTaps + 1);
            taps[i] = Math.abs(distance) < halfWidth
                    ? 2 * cutoff * sinc(2 * cutoff * distance) * blackman(distance / halfWidth)
                    : 0;
        }
        return taps;
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    /** The Blackman window at {@code r} in [-1, 1]: low side lobes keep aliases under -58 dB. */
    private static double blackman(double r) {
        return 0.42 + 0.5 * Math.cos(Math.PI * r) + 0.08 * Math.cos(2 * Math.PI * r);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
