package org.patchbay.adapters.tts;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchbay.core.media.MediaFailure;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every encoding the README promises for {@code <Play>} comes out as 16-bit mono 8 kHz WAV of the same length. */
class FfmpegAudioDecoderIT {
    @TempDir
    Path dir;
    private final Vertx vertx = Vertx.vertx();
    private final FfmpegAudioDecoder decoder = new FfmpegAudioDecoder(vertx, "ffmpeg", Duration.ofSeconds(30));

    @AfterEach
    void close() {
        vertx.close();
    }

    @ParameterizedTest
    @CsvSource({"pcm_u8,11025,1,wav", "pcm_s16le,44100,2,wav", "pcm_s24le,48000,2,wav", "pcm_s32le,16000,1,wav",
            "pcm_mulaw,8000,1,wav", "pcm_alaw,8000,1,wav", "libmp3lame,44100,2,mp3", "libmp3lame,22050,1,mp3"})
    void decodesTo8kHzMono16Bit(String codec, int rate, int channels, String container) throws Exception {
        Path input = dir.resolve("in." + container);
        run(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=" + rate + ":duration=2", "-ac", Integer.toString(channels),
                "-c:a", codec, input.toString()));
        Path output = dir.resolve("out.wav");
        decoder.toTelephonyWav(input, output).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

        ByteBuffer wav = ByteBuffer.wrap(Files.readAllBytes(output)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1, wav.getShort(20), "PCM");
        assertEquals(1, wav.getShort(22), "mono");
        assertEquals(8000, wav.getInt(24), "8 kHz");
        assertEquals(16, wav.getShort(34), "16-bit");
        long millis = (Files.size(output) - 44) * 1000 / 16000;
        assertTrue(Math.abs(millis - 2000) < 100, "two seconds of audio, got " + millis + " ms");
    }

    @org.junit.jupiter.api.Test
    void garbageIs13420() throws Exception {
        Path input = Files.write(dir.resolve("in.mp3"), "not audio".repeat(100).getBytes());
        ExecutionException failure = assertThrows(ExecutionException.class, () -> decoder.toTelephonyWav(input, dir.resolve("out.wav"))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof MediaFailure, String.valueOf(failure.getCause()));
        assertEquals(13420, ((MediaFailure) failure.getCause()).code().code());
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, "ffmpeg made no test file: " + command);
    }
}
