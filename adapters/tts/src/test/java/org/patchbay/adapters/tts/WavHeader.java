package org.patchbay.adapters.tts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The canonical 44-byte WAV header, read field by field, independently of the code under test. */
record WavHeader(String riff, int riffSize, String wave, String fmt, int fmtSize, int format,
                 int channels, int sampleRate, int byteRate, int blockAlign, int bitsPerSample,
                 String data, int dataSize) {

    static WavHeader of(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        return new WavHeader(tag(in), in.getInt(), tag(in), tag(in), in.getInt(), in.getShort(),
                in.getShort(), in.getInt(), in.getInt(), in.getShort(), in.getShort(), tag(in), in.getInt());
    }

    private static String tag(ByteBuffer in) {
        byte[] tag = new byte[4];
        in.get(tag);
        return new String(tag, StandardCharsets.US_ASCII);
    }
}
