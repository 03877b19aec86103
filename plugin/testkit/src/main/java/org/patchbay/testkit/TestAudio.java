package org.patchbay.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Audio made in the test: a tone encoded by ffmpeg (MP3), or a PCM WAV written here. */
public final class TestAudio {
    private TestAudio() {
    }

    /** A 440 Hz tone of {@code seconds} as MP3 (44.1 kHz mono), encoded by ffmpeg. */
    public static byte[] mp3(int seconds) {
        return ffmpeg(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi",
                "-i", "sine=frequency=440:sample_rate=44100:duration=" + seconds, "-f", "mp3", "pipe:1"));
    }

    /** A 16-bit PCM WAV of a 440 Hz tone at {@code rate} Hz with {@code channels} channels. */
    public static byte[] wav(int rate, int channels, double seconds) {
        int frames = (int) (rate * seconds);
        int dataBytes = frames * channels * 2;
        ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
        wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        wav.put("data".getBytes()).putInt(dataBytes);
        for (int i = 0; i < frames; i++) {
            short sample = (short) (Math.sin(2 * Math.PI * 440 * i / rate) * 12000);
            for (int c = 0; c < channels; c++) {
                wav.putShort(sample);
            }
        }
        return wav.array();
    }

    private static byte[] ffmpeg(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = process.getInputStream()) {
                in.transferTo(out);
            }
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("ffmpeg failed: " + command);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new AssertionError("ffmpeg is needed by this test (apt-get install ffmpeg)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
