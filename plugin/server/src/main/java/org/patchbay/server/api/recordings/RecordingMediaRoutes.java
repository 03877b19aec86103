package org.patchbay.server.api.recordings;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.recording.Recording;
import org.patchbay.core.recording.RecordingMedia;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.Store;
import org.patchbay.server.api.http.ApiRequest;
import org.patchbay.server.api.http.Endpoint;
import org.patchbay.server.api.http.Records;
import org.patchbay.server.api.http.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * A recording's audio: {@code /Recordings/{Sid}.wav}, or the bare URI as on Twilio. Patchbay keeps
 * what Asterisk recorded and does not transcode, so {@code .mp3} is refused with 415.
 */
public final class RecordingMediaRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingMediaRoutes.class);
    public static final String WAV = "audio/x-wav";

    private final Store store;
    private final RecordingMedia media;

    public RecordingMediaRoutes(Store store, RecordingMedia media) {
        this.store = store;
        this.media = media;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.media(HttpMethod.GET, "/Recordings/{Sid}", this::wav),
                Endpoint.media(HttpMethod.GET, "/Recordings/{Sid}.wav", this::wav),
                Endpoint.media(HttpMethod.GET, "/Recordings/{Sid}.mp3", this::mp3));
    }

    private Future<Reply> wav(ApiRequest request) {
        return owned(request).compose(recording -> media.wav(recording).recover(failure -> {
            if (failure instanceof PatchbayException) {
                return Future.failedFuture(failure);
            }
            // Usually the file is gone from the PBX; the client can do nothing but learn it is not there.
            LOG.warn("audio of recording {} is not available: {}", recording.sid(), failure.toString());
            return Future.failedFuture(PatchbayException.notFound(request.path()));
        })).map(audio -> Reply.media(WAV, audio));
    }

    private Future<Reply> mp3(ApiRequest request) {
        return owned(request).compose(recording -> Future.failedFuture(new PatchbayException(415,
                ErrorCode.UNSUPPORTED_MEDIA_TYPE, "MP3 is not available for Patchbay recordings; request the .wav URI")));
    }

    private Future<Recording> owned(ApiRequest request) {
        return Records.owned(store, Recording.KIND, Sids.RECORDING, request.accountSid(), request.pathParam("Sid"), request.path());
    }
}
