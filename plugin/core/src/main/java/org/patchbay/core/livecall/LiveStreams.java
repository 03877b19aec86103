package org.patchbay.core.livecall;

import io.vertx.core.Future;
import org.patchbay.core.call.stream.StreamState;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.twiml.Stream;

/**
 * One-way Media Streams on calls under way, for the REST API ({@code Calls/{CallSid}/Streams}). Every method fails
 * with a {@link org.patchbay.core.error.PatchbayException} carrying the Twilio error the API returns.
 */
public interface LiveStreams {

    /** Forks the call's audio to {@code stream}'s URL; completes at once with the stream, {@code in-progress}. */
    Future<StreamState> start(String accountSid, String callSid, Stream stream);

    /** Stops the call's stream with that SID or name, whoever started it; completes with it, {@code stopped}. */
    Future<StreamState> stop(String accountSid, String callSid, String sidOrName);

    /** No call is live here (an API served without a call router): every call's stream is refused as not in progress. */
    static LiveStreams none() {
        return new LiveStreams() {
            @Override
            public Future<StreamState> start(String accountSid, String callSid, Stream stream) {
                return Future.failedFuture(notInProgress());
            }

            @Override
            public Future<StreamState> stop(String accountSid, String callSid, String sidOrName) {
                return Future.failedFuture(notInProgress());
            }
        };
    }

    private static PatchbayException notInProgress() {
        return new PatchbayException(400, ErrorCode.CALL_NOT_IN_PROGRESS,
                "Call is not in-progress. Cannot start or stop a stream.");
    }
}
