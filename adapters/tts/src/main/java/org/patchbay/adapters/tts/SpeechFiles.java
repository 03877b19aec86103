package org.patchbay.adapters.tts;

import org.patchbay.core.tts.Speech;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.DirectoryStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The cache directory: one {@code <id>.wav} per prompt, reused across restarts. Every method
 * does file I/O and is called on a worker, except the header check behind
 * {@link EspeakTtsEngine#cached}.
 */
final class SpeechFiles {

    private final Path directory;
    private final int sampleRate;

    SpeechFiles(Path directory, int sampleRate) {
        this.directory = directory.toAbsolutePath();
        this.sampleRate = sampleRate;
    }

    /** The directory, created if it does not exist yet; scratch files go here too. */
    Path directory() throws IOException {
        return Files.createDirectories(directory);
    }

    /** The cached speech, or null when there is no file or it is not a whole WAV at our rate. */
    Speech load(String id) throws IOException {
        Path file = fileOf(id);
        long millis = Wav.probeMillis(file, sampleRate);
        return millis >= 0 ? new Speech(id, file, millis) : null;
    }

    /** True when a file of this id exists, valid or not. */
    boolean exists(String id) {
        return Files.exists(fileOf(id));
    }

    /**
     * Writes the audio under a temporary name, then renames it into place: a crash leaves at
     * worst a stray {@code .part} file, never a half-written {@code <id>.wav}.
     */
    Speech store(String id, Pcm pcm) throws IOException {
        Path file = fileOf(id);
        Path part = Files.createTempFile(directory(), id + "-", ".wav.part");
        try {
            Files.write(part, Wav.encode(pcm));
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
        return new Speech(id, file, pcm.durationMillis());
    }

    /**
     * Deletes the prompts written before {@code cutoff} and returns their ids. A prompt still in
     * use is simply synthesised again the next time it is asked for.
     */
    List<String> deleteOlderThan(Instant cutoff) throws IOException {
        List<String> deleted = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return deleted;
        }
        try (DirectoryStream<Path> prompts = Files.newDirectoryStream(directory, "*.wav")) {
            for (Path file : prompts) {
                String name = file.getFileName().toString();
                String id = name.substring(0, name.length() - ".wav".length());
                if (SpeechId.isValid(id) && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)
                        && Files.deleteIfExists(file)) {
                    deleted.add(id);
                }
            }
        }
        return deleted;
    }

    private Path fileOf(String id) {
        return directory.resolve(id + ".wav");
    }
}
