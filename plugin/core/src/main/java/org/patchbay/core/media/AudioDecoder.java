package org.patchbay.core.media;

import io.vertx.core.Future;

import java.nio.file.Path;

/**
 * Turns downloaded audio (MP3, WAV in any common encoding, ...) into the WAV Asterisk plays best:
 * 16-bit linear PCM, mono, 8 kHz. Never blocks the caller's thread. Fails with {@link MediaFailure}
 * (13420) when the input is not audio it can read.
 */
public interface AudioDecoder {
    Future<Void> toTelephonyWav(Path input, Path output);
}
