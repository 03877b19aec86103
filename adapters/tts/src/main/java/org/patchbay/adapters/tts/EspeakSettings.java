package org.patchbay.adapters.tts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the espeak-ng engine runs and where it keeps its files.
 *
 * @param binary        the espeak-ng executable: a path, or a bare name looked up on the PATH
 * @param cacheDir      where synthesised prompts live as {@code <id>.wav}, e.g. {@code <dataDir>/tts}
 * @param maxTextLength the longest text accepted, in characters (Twilio's limit for Say is 4096)
 * @param timeout       how long one espeak-ng run may take before it is killed
 * @param workers       how many prompts may be synthesised at the same time
 * @param indexSize     how many recent prompts are remembered in memory; the disk holds the rest
 * @param idKey         the secret speech ids are keyed with; files cached under another key are not found
 * @param maxAge        how long a prompt's file is kept after it was written; older ones are deleted
 *                      (their ids then answer 404) and synthesised again when next asked for
 */
public record EspeakSettings(String binary, Path cacheDir, int maxTextLength, Duration timeout,
                             int workers, int indexSize, SpeechIdKey idKey, Duration maxAge) {

    public EspeakSettings {
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(idKey, "idKey");
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive");
        }
        if (maxTextLength < 1 || workers < 1 || indexSize < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("maxTextLength, workers, indexSize and timeout must be positive");
        }
    }

    /**
     * espeak-ng from the PATH, 4096 characters, 20 s per run, 4 at a time, 10,000 ids in memory,
     * a fresh id key (set the installation's with {@link #withIdKey}), files kept 30 days.
     */
    public static EspeakSettings defaults(Path cacheDir) {
        return new EspeakSettings("espeak-ng", cacheDir, 4096, Duration.ofSeconds(20), 4, 10_000, SpeechIdKey.generate(), Duration.ofDays(30));
    }

    public EspeakSettings withMaxAge(Duration age) {
        return new EspeakSettings(binary, cacheDir, maxTextLength, timeout, workers, indexSize, idKey, age);
    }

    public EspeakSettings withIdKey(SpeechIdKey key) {
        return new EspeakSettings(binary, cacheDir, maxTextLength, timeout, workers, indexSize, key, maxAge);
    }

    public EspeakSettings withBinary(String binary) {
        return new EspeakSettings(binary, cacheDir, maxTextLength, timeout, workers, indexSize, idKey, maxAge);
    }

    public EspeakSettings withTimeout(Duration timeout) {
        return new EspeakSettings(binary, cacheDir, maxTextLength, timeout, workers, indexSize, idKey, maxAge);
    }

    public EspeakSettings withWorkers(int workers) {
        return new EspeakSettings(binary, cacheDir, maxTextLength, timeout, workers, indexSize, idKey, maxAge);
    }
}
