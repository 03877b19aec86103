package org.patchbay.adapters.tts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads and writes the RIFF/WAVE files this engine deals with: 16-bit mono PCM only.
 * Patchbay writes the canonical 44-byte header, so a cached file can be checked from its
 * header and size alone.
 */
final class Wav {

    static final int HEADER_BYTES = 44;
    private static final short PCM_FORMAT = 1;

    private Wav() {
    }

    /**
     * Decodes espeak-ng's output. The data length in its header is not trusted: when espeak-ng
     * streams it writes a placeholder (0x7ffff000), so the samples run to the end of the bytes.
     */
    static Pcm decode(byte[] bytes) {
        try {
            return decodeChunks(bytes);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("WAV is truncated", e);
        }
    }

    private static Pcm decodeChunks(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        requireTag(in, "RIFF");
        in.getInt();
        requireTag(in, "WAVE");
        int sampleRate = 0;
        while (in.remaining() >= 8) {
            String tag = tag(in);
            long size = Integer.toUnsignedLong(in.getInt());
            int available = (int) Math.min(size, in.remaining());
            if (tag.equals("fmt ")) {
                sampleRate = readFormat(in.slice(in.position(), available));
            } else if (tag.equals("data")) {
                return readSamples(in.slice(in.position(), available & ~1), sampleRate);
            }
            in.position((int) Math.min(in.limit(), in.position() + size + (size & 1)));
        }
        throw new IllegalArgumentException("WAV has no data chunk");
    }

    /** The file bytes for these samples, with a header whose lengths match them. */
    static byte[] encode(Pcm pcm) {
        int dataBytes = pcm.samples().length * 2;
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.put(header(pcm.sampleRate(), dataBytes));
        out.asShortBuffer().put(pcm.samples());
        return out.array();
    }

    /**
     * How long a file written by {@link #encode} plays, or -1 when it is not such a file at this
     * sample rate with at least one sample, or when its data length disagrees with its size
     * (a truncated or foreign file).
     */
    static long probeMillis(Path file, int sampleRate) throws IOException {
        if (!Files.isRegularFile(file)) {
            return -1;
        }
        long dataBytes = Files.size(file) - HEADER_BYTES;
        if (dataBytes <= 0 || dataBytes % 2 != 0 || dataBytes > Integer.MAX_VALUE - HEADER_BYTES) {
            return -1;
        }
        byte[] onDisk;
        try (InputStream in = Files.newInputStream(file)) {
            onDisk = in.readNBytes(HEADER_BYTES);
        }
        return Arrays.equals(onDisk, header(sampleRate, (int) dataBytes))
                ? dataBytes / 2 * 1000 / sampleRate
                : -1;
    }

    private static byte[] header(int sampleRate, int dataBytes) {
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        out.put(ascii("RIFF")).putInt(HEADER_BYTES - 8 + dataBytes).put(ascii("WAVE"));
        out.put(ascii("fmt ")).putInt(16)
                .putShort(PCM_FORMAT).putShort((short) 1)
                .putInt(sampleRate).putInt(sampleRate * 2)
                .putShort((short) 2).putShort((short) 16);
        out.put(ascii("data")).putInt(dataBytes);
        return out.array();
    }

    private static int readFormat(ByteBuffer fmt) {
        if (fmt.remaining() < 16) {
            throw new IllegalArgumentException("WAV fmt chunk is too short");
        }
        fmt.order(ByteOrder.LITTLE_ENDIAN);
        short format = fmt.getShort();
        short channels = fmt.getShort();
        int sampleRate = fmt.getInt();
        fmt.position(fmt.position() + 6);
        short bits = fmt.getShort();
        if (format != PCM_FORMAT || channels != 1 || bits != 16 || sampleRate <= 0) {
            throw new IllegalArgumentException("WAV is not 16-bit mono PCM (format " + format
                    + ", " + channels + " channels, " + bits + " bits, " + sampleRate + " Hz)");
        }
        return sampleRate;
    }

    private static Pcm readSamples(ByteBuffer data, int sampleRate) {
        if (sampleRate == 0) {
            throw new IllegalArgumentException("WAV data chunk comes before its fmt chunk");
        }
        short[] samples = new short[data.remaining() / 2];
        data.order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return new Pcm(samples, sampleRate);
    }

    private static void requireTag(ByteBuffer in, String expected) {
        if (in.remaining() < 4 || !tag(in).equals(expected)) {
            throw new IllegalArgumentException("not a WAV file: no " + expected + " tag");
        }
    }

    private static String tag(ByteBuffer in) {
        byte[] tag = new byte[4];
        in.get(tag);
        return new String(tag, StandardCharsets.US_ASCII);
    }

    private static byte[] ascii(String tag) {
        return tag.getBytes(StandardCharsets.US_ASCII);
    }
}
