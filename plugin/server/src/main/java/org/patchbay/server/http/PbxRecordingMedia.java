package org.patchbay.server.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import org.patchbay.core.recording.Recording;
import org.patchbay.core.recording.RecordingMedia;
import org.patchbay.core.telephony.Telephony;
import org.patchbay.core.telephony.TelephonyException;

/** Recording audio as Asterisk stored it, fetched and deleted through ARI. */
public final class PbxRecordingMedia implements RecordingMedia {
    private final Telephony telephony;

    public PbxRecordingMedia(Telephony telephony) {
        this.telephony = telephony;
    }

    @Override
    public Future<Buffer> wav(Recording recording) {
        return telephony.storedRecording(recording.mediaName());
    }

    @Override
    public Future<Void> delete(Recording recording) {
        return telephony.deleteStoredRecording(recording.mediaName())
                .recover(e -> e instanceof TelephonyException pbx && pbx.status() == 404
                        ? Future.succeededFuture() : Future.failedFuture(e));
    }
}
