package org.patchbay.adapters.tts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WavTest {

    @TempDir
    Path dir;

    @Test
    void decodesTheStreamingHeaderEspeakWritesToStdout() {
        short[] samples = {0, 1000, -1000, Short.MAX_VALUE, Short.MIN_VALUE};
        byte[] wav = Wav.encode(new Pcm(samples, 22050));
        // espeak-ng --stdout cannot know the length up front and writes this placeholder.
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0x7ffff024).putInt(40, 0x7ffff000);

        Pcm pcm = Wav.decode(wav);

        assertEquals(22050, pcm.sampleRate());
        assertArrayEquals(samples, pcm.samples());
    }

    @Test
    void skipsChunksOtherThanFmtAndData() {
        byte[] plain = Wav.encode(new Pcm(new short[] {7, 8}, 16000));
        ByteBuffer withList = ByteBuffer.allocate(plain.length + 12).order(ByteOrder.LITTLE_ENDIAN);
        withList.put(plain, 0, 36).put("LIST".getBytes()).putInt(3).put(new byte[] {1, 2, 3, 0});
        withList.put(plain, 36, plain.length - 36);

        assertArrayEquals(new short[] {7, 8}, Wav.decode(withList.array()).samples());
    }

    @Test
    void rejectsWhatIsNotSixteenBitMonoPcm() {
        byte[] stereo = Wav.encode(new Pcm(new short[] {1, 2}, 8000));
        stereo[22] = 2;

        assertThrows(IllegalArgumentException.class, () -> Wav.decode(stereo));
        assertThrows(IllegalArgumentException.class, () -> Wav.decode("not a wav".getBytes()));
        assertThrows(IllegalArgumentException.class, () -> Wav.decode(Arrays.copyOf(stereo, 30)));
    }

    @Test
    void probeGivesTheDurationOfAWholeFileAtTheExpectedRate() throws Exception {
        Path file = dir.resolve("ok.wav");
        Files.write(file, Wav.encode(new Pcm(new short[8000 * 3 / 2], 8000)));

        assertEquals(1500, Wav.probeMillis(file, 8000));
        assertEquals(-1, Wav.probeMillis(file, 16000), "a file at another rate is not ours");
    }

    @Test
    void probeRejectsMissingEmptyTruncatedAndHeaderOnlyFiles() throws Exception {
        byte[] whole = Wav.encode(new Pcm(new short[800], 8000));
        Path missing = dir.resolve("missing.wav");
        Path empty = Files.write(dir.resolve("empty.wav"), new byte[0]);
        Path truncated = Files.write(dir.resolve("truncated.wav"), Arrays.copyOf(whole, whole.length - 100));
        Path headerOnly = Files.write(dir.resolve("header.wav"), Wav.encode(new Pcm(new short[0], 8000)));

        assertEquals(-1, Wav.probeMillis(missing, 8000));
        assertEquals(-1, Wav.probeMillis(empty, 8000));
        assertEquals(-1, Wav.probeMillis(truncated, 8000));
        assertEquals(-1, Wav.probeMillis(headerOnly, 8000));
    }
}
