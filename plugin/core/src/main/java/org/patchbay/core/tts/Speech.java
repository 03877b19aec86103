package org.patchbay.core.tts;

import java.nio.file.Path;

/**
 * Synthesised audio for one prompt.
 *
 * @param id    a stable hash of text, voice and language; names the cached file and its URL
 * @param file  the WAV file (8 or 16 kHz, 16-bit mono) on local disk
 * @param durationMillis how long it plays
 */
public record Speech(String id, Path file, long durationMillis) {
}
