package org.patchbay.core.recording;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/** The audio of recordings, which stays where Asterisk stored it. */
public interface RecordingMedia {

    /** The recording's audio as WAV. */
    Future<Buffer> wav(Recording recording);

    /** Removes the audio from the PBX; completes normally if it was already gone. */
    Future<Void> delete(Recording recording);
}
