package org.patchbay.adapters.tts;

/**
 * Mono 16-bit audio held in memory between espeak-ng's output and the cached file.
 *
 * @param samples    signed 16-bit samples, one channel
 * @param sampleRate samples per second
 */
record Pcm(short[] samples, int sampleRate) {

    long durationMillis() {
        return samples.length * 1000L / sampleRate;
    }
}
