package org.patchbay.asterisk.sim.media;

import io.vertx.core.buffer.Buffer;

import java.util.List;
import java.util.OptionalLong;

/** 8 kHz, 16-bit, mono PCM WAV files: written for stored recordings, read to time HTTP media. */
public final class Wav {
    public static final int SAMPLE_RATE = 8000;
    public static final int BYTES_PER_SECOND = SAMPLE_RATE * 2;
    public static final int HEADER_BYTES = 44;
    private static final double TONE_HZ = 440.0;
    private static final double TONE_AMPLITUDE = 8000.0;

    /** A stretch of audio: a tone where somebody spoke, zeros where nothing was heard. */
    public record Segment(boolean sound, long millis) {
    }

    private Wav() {
    }

    public static Buffer of(List<Segment> segments) {
        long samples = 0;
        for (Segment segment : segments) {
            samples += segment.millis() * SAMPLE_RATE / 1000;
        }
        Buffer out = header(samples * 2);
        long sampleIndex = 0;
        for (Segment segment : segments) {
            long count = segment.millis() * SAMPLE_RATE / 1000;
            for (long i = 0; i < count; i++, sampleIndex++) {
                double value = segment.sound()
                        ? TONE_AMPLITUDE * Math.sin(2 * Math.PI * TONE_HZ * sampleIndex / SAMPLE_RATE) : 0;
                out.appendShortLE((short) value);
            }
        }
        return out;
    }

    public static Buffer tone(long millis) {
        return of(List.of(new Segment(true, millis)));
    }

    /**
     * The playing time of a WAV file Asterisk's {@code format_wav} plays from a {@code .wav} path:
     * 16-bit linear PCM, mono, 8 kHz (its check_header refuses anything else); empty otherwise.
     */
    public static OptionalLong asteriskPlayableMillis(Buffer wav) {
        if (wav.length() < 36 || !"RIFF".equals(ascii(wav, 0)) || !"WAVE".equals(ascii(wav, 8))
                || !"fmt ".equals(ascii(wav, 12))) {
            return OptionalLong.empty();
        }
        boolean slin8 = wav.getUnsignedShortLE(20) == 1 && wav.getUnsignedShortLE(22) == 1
                && wav.getUnsignedIntLE(24) == SAMPLE_RATE && wav.getUnsignedShortLE(34) == 16;
        return slin8 ? durationMillis(wav) : OptionalLong.empty();
    }

    /** The playing time of a WAV file, or empty when the bytes are not a WAV file. */
    public static OptionalLong durationMillis(Buffer wav) {
        if (wav.length() < 12 || !"RIFF".equals(ascii(wav, 0)) || !"WAVE".equals(ascii(wav, 8))) {
            return OptionalLong.empty();
        }
        long byteRate = 0;
        int position = 12;
        while (position + 8 <= wav.length()) {
            String chunk = ascii(wav, position);
            long size = wav.getUnsignedIntLE(position + 4);
            if ("fmt ".equals(chunk) && position + 16 <= wav.length()) {
                byteRate = wav.getUnsignedIntLE(position + 16);
            } else if ("data".equals(chunk)) {
                long available = Math.min(size, wav.length() - position - 8L);
                return byteRate == 0 ? OptionalLong.empty() : OptionalLong.of(available * 1000 / byteRate);
            }
            long next = position + 8L + size + (size & 1);
            if (next > wav.length()) {
                break;
            }
            position = (int) next;
        }
        return OptionalLong.empty();
    }

    private static Buffer header(long dataBytes) {
        return Buffer.buffer((int) (HEADER_BYTES + dataBytes))
                .appendString("RIFF").appendIntLE((int) (36 + dataBytes)).appendString("WAVE")
                .appendString("fmt ").appendIntLE(16).appendShortLE((short) 1).appendShortLE((short) 1)
                .appendIntLE(SAMPLE_RATE).appendIntLE(BYTES_PER_SECOND).appendShortLE((short) 2)
                .appendShortLE((short) 16)
                .appendString("data").appendIntLE((int) dataBytes);
    }

    private static String ascii(Buffer buffer, int offset) {
        return buffer.getString(offset, offset + 4, "US-ASCII");
    }
}
