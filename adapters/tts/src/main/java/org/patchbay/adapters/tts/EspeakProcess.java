package org.patchbay.adapters.tts;

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
 * One espeak-ng run per prompt, blocking, for a worker thread. The text goes in on stdin, never
 * on the command line, so it is neither parsed as an option (text starting with "-") nor shown
 * by {@code ps}; no shell is involved. stdin, the WAV and stderr are files rather than pipes:
 * no pipe can fill up and stall the child, so the timeout is the only wait.
 */
final class EspeakProcess {

    private static final int STDERR_HEAD_CHARS = 300;
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);

    private final String binary;
    private final Duration timeout;
    private final AtomicLong launches = new AtomicLong();

    EspeakProcess(String binary, Duration timeout) {
        this.binary = binary;
        this.timeout = timeout;
    }

    /** Speaks the text with the espeak-ng voice (e.g. {@code en-us+f3}) at espeak-ng's own rate. */
    Pcm speak(String text, String voice, Path scratchDir) throws IOException, InterruptedException {
        Path input = Files.createTempFile(scratchDir, "espeak-", ".txt.part");
        Path audio = Files.createTempFile(scratchDir, "espeak-", ".raw.part");
        Path errors = Files.createTempFile(scratchDir, "espeak-", ".err.part");
        try {
            Files.writeString(input, text, StandardCharsets.UTF_8);
            Process process = start(voice, input, audio, errors);
            awaitSuccess(process, errors);
            return decode(Files.readAllBytes(audio));
        } finally {
            Files.deleteIfExists(input);
            Files.deleteIfExists(audio);
            Files.deleteIfExists(errors);
        }
    }

    /** How many times espeak-ng was launched, or tried to be: lets tests see what came from the cache. */
    long launches() {
        return launches.get();
    }

    private Process start(String voice, Path input, Path audio, Path errors) {
        // -b 1: the input is UTF-8. -w: espeak-ng writes the WAV file itself.
        List<String> command = List.of(binary, "-v", voice, "-b", "1", "--stdin", "-w", audio.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(input.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errors.toFile());
        try {
            launches.incrementAndGet();
            return builder.start();
        } catch (IOException e) {
            throw new TtsException("cannot start espeak-ng (" + binary + "): " + e.getMessage(), e);
        }
    }

    private void awaitSuccess(Process process, Path errors) throws IOException, InterruptedException {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new TtsException("espeak-ng did not finish within " + timeout.toMillis()
                        + " ms and was killed");
            }
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
        if (process.exitValue() != 0) {
            throw new TtsException("espeak-ng exited with status " + process.exitValue() + ": " + head(errors));
        }
    }

    /** Kills the child and anything it started, then reaps it so no zombie is left behind. */
    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Pcm decode(byte[] wav) {
        Pcm pcm;
        try {
            pcm = Wav.decode(wav);
        } catch (IllegalArgumentException e) {
            throw new TtsException("espeak-ng wrote no usable WAV: " + e.getMessage(), e);
        }
        if (pcm.samples().length == 0) {
            throw new TtsException("espeak-ng produced no audio");
        }
        return pcm;
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
