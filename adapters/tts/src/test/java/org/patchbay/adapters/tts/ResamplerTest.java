package org.patchbay.adapters.tts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResamplerTest {

    private static final int ESPEAK_RATE = 22050;

    @Test
    void keepsTheLengthInTime() {
        Pcm oneSecond = tone(1000, ESPEAK_RATE, 1.0);

        assertEquals(8000, new Resampler(ESPEAK_RATE, 8000).resample(oneSecond).samples().length);
        assertEquals(16000, new Resampler(ESPEAK_RATE, 16000).resample(oneSecond).samples().length);
    }

    @Test
    void passesAVoiceBandToneAtItsFrequencyAndLevel() {
        Pcm out = new Resampler(ESPEAK_RATE, 8000).resample(tone(1000, ESPEAK_RATE, 1.0));

        assertEquals(8000, out.sampleRate());
        double level = rms(out) / rms(tone(1000, 8000, 1.0));
        assertTrue(level > 0.97 && level < 1.03, "1 kHz level ratio " + level);
        assertEquals(1000, frequency(out), 5);
    }

    @Test
    void filtersOutWhatWouldAliasIntoTheTelephoneBand() {
        // 6 kHz is above the 4 kHz Nyquist frequency of 8 kHz audio: dropping samples would fold it to 2 kHz.
        Pcm out = new Resampler(ESPEAK_RATE, 8000).resample(tone(6000, ESPEAK_RATE, 1.0));

        double level = rms(out) / rms(tone(6000, ESPEAK_RATE, 1.0));
        assertTrue(level < 0.01, "6 kHz leaks through at " + level);
    }

    @Test
    void keepsFiveKilohertzAtSixteenKilohertz() {
        Pcm out = new Resampler(ESPEAK_RATE, 16000).resample(tone(5000, ESPEAK_RATE, 1.0));

        double level = rms(out) / rms(tone(5000, ESPEAK_RATE, 1.0));
        assertTrue(level > 0.97 && level < 1.03, "5 kHz level ratio " + level);
    }

    private static Pcm tone(double hertz, int rate, double seconds) {
        short[] samples = new short[(int) (rate * seconds)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) Math.round(10_000 * Math.sin(2 * Math.PI * hertz * i / rate));
        }
        return new Pcm(samples, rate);
    }

    /** RMS over the middle half, away from the filter's run-in at either end. */
    private static double rms(Pcm pcm) {
        short[] s = pcm.samples();
        double sum = 0;
        int from = s.length / 4;
        int to = s.length * 3 / 4;
        for (int i = from; i < to; i++) {
            sum += (double) s[i] * s[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    /** Counts upward zero crossings over the middle half. */
    private static double frequency(Pcm pcm) {
        short[] s = pcm.samples();
        int from = s.length / 4;
        int to = s.length * 3 / 4;
        int crossings = 0;
        for (int i = from + 1; i < to; i++) {
            if (s[i - 1] < 0 && s[i] >= 0) {
                crossings++;
            }
        }
        return crossings * (double) pcm.sampleRate() / (to - from);
    }
}
