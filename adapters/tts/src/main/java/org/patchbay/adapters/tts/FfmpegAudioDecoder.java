package org.patchbay.adapters.tts;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.media.AudioDecoder;
import org.patchbay.core.media.MediaFailure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decodes {@code <Play>} media with ffmpeg run as a process, as espeak-ng is for speech: one run
 * per file, on a worker thread, never on an event loop; no shell; stderr goes to a file so no pipe
 * can fill and stall it; killed after the timeout. ffmpeg reads MP3 and WAV in every common
 * encoding (PCM 8/16/24/32 bit at any rate, mono or stereo, µ-law, a-law, ...) and writes 16-bit
 * mono 8 kHz WAV, what Asterisk's {@code .wav} format plays without transcoding.
 */
public final class FfmpegAudioDecoder implements AudioDecoder {
    static final int SAMPLE_RATE = EspeakTtsEngine.SAMPLE_RATE;
    private static final int STDERR_HEAD_CHARS = 300;

    private final Vertx vertx;
    private final String binary;
    private final Duration timeout;
    private final AtomicLong runs = new AtomicLong();

    public FfmpegAudioDecoder(Vertx vertx, String binary, Duration timeout) {
        this.vertx = vertx;
        this.binary = binary;
        this.timeout = timeout;
    }

    @Override
    public Future<Void> toTelephonyWav(Path input, Path output) {
        return vertx.executeBlocking(() -> {
            decode(input, output);
            return null;
        }, false);
    }

    /** How many times ffmpeg was started: lets tests see what came from the cache. */
    public long runs() {
        return runs.get();
    }

    private void decode(Path input, Path output) throws IOException, InterruptedException {
        Path errors = Files.createTempFile(output.toAbsolutePath().getParent(), "ffmpeg-", ".err.part");
        try {
            List<String> command = List.of(binary, "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                    "-i", input.toString(), "-vn", "-ac", "1", "-ar", Integer.toString(SAMPLE_RATE),
                    "-c:a", "pcm_s16le", "-f", "wav", output.toString());
            Process process = start(new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile()));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new MediaFailure(ErrorCode.PLAY_INVALID_CONTENT_TYPE,
                        "decoding the audio took longer than " + timeout.toMillis() + " ms");
            }
            if (process.exitValue() != 0 || !Files.exists(output) || Files.size(output) <= 44) {
                throw new MediaFailure(ErrorCode.PLAY_INVALID_CONTENT_TYPE, "the audio could not be decoded: " + head(errors));
            }
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private Process start(ProcessBuilder builder) {
        try {
            runs.incrementAndGet();
            return builder.start();
        } catch (IOException e) {
            throw new MediaFailure(ErrorCode.PLAY_INVALID_CONTENT_TYPE,
                    "the audio could not be decoded: cannot start ffmpeg (" + binary + "): " + e.getMessage());
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String head(Path errors) throws IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(errors)) {
            start = in.readNBytes(STDERR_HEAD_CHARS * 4);
        }
        String text = new String(start, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return "(nothing on stderr)";
        }
        return text.length() <= STDERR_HEAD_CHARS ? text : text.substring(0, STDERR_HEAD_CHARS) + "…";
    }
}
