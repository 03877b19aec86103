package org.patchbay.asterisk.sim.media;

/** G.711 µ-law, 8 kHz: the format external media carries, and test tones in it. */
public final class Ulaw {
    private static final int BIAS = 0x84;
    private static final int CLIP = 32635;
    private static final int SAMPLE_RATE = 8000;

    private Ulaw() {
    }

    public static byte encode(int sample) {
        int sign = (sample >> 8) & 0x80;
        int magnitude = Math.min(Math.abs(sample), CLIP) + BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    public static int decode(byte encoded) {
        int value = ~encoded & 0xFF;
        int magnitude = ((((value & 0x0F) << 3) + BIAS) << ((value & 0x70) >> 4)) - BIAS;
        return (value & 0x80) != 0 ? -magnitude : magnitude;
    }

    /** A sine tone of {@code hz} for {@code millis}, at about a quarter of full scale. */
    public static byte[] tone(int hz, long millis) {
        int samples = (int) (SAMPLE_RATE * millis / 1000);
        byte[] out = new byte[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = encode((int) Math.round(8000 * Math.sin(2 * Math.PI * hz * i / SAMPLE_RATE)));
        }
        return out;
    }

    /** The strength of {@code hz} in the audio (Goertzel), relative to its total power: near 1 for a pure tone. */
    public static double toneShare(byte[] ulaw, int hz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / SAMPLE_RATE);
        double previous = 0;
        double beforePrevious = 0;
        double energy = 0;
        for (byte b : ulaw) {
            int sample = decode(b);
            energy += (double) sample * sample;
            double current = sample + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        if (energy == 0) {
            return 0;
        }
        double power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
        return 2 * power / (ulaw.length * energy);
    }
}
