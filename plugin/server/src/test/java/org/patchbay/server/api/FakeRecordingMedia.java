package org.patchbay.server.api;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import org.patchbay.core.recording.Recording;
import org.patchbay.core.recording.RecordingMedia;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Recording audio without a PBX: every recording sounds like the same 10 ms of silence. */
final class FakeRecordingMedia implements RecordingMedia {
    static final Buffer WAV = silence(80);

    final List<String> deleted = new CopyOnWriteArrayList<>();

    @Override
    public Future<Buffer> wav(Recording recording) {
        return deleted.contains(recording.sid())
                ? Future.failedFuture(new IllegalStateException("no such file: " + recording.mediaName()))
                : Future.succeededFuture(WAV.copy());
    }

    @Override
    public Future<Void> delete(Recording recording) {
        deleted.add(recording.sid());
        return Future.succeededFuture();
    }

    /** A mono 8 kHz 8-bit PCM WAV file of {@code samples} samples of silence. */
    private static Buffer silence(int samples) {
        Buffer wav = Buffer.buffer();
        wav.appendString("RIFF").appendIntLE(36 + samples).appendString("WAVE");
        wav.appendString("fmt ").appendIntLE(16).appendShortLE((short) 1).appendShortLE((short) 1)
                .appendIntLE(8000).appendIntLE(8000).appendShortLE((short) 1).appendShortLE((short) 8);
        wav.appendString("data").appendIntLE(samples);
        for (int i = 0; i < samples; i++) {
            wav.appendByte((byte) 0x80);
        }
        return wav;
    }
}
