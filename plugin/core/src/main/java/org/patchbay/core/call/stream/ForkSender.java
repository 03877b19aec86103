package org.patchbay.core.call.stream;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import org.patchbay.core.stream.StreamSocket;

import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The app's side of a one-way fork ({@code <Start><Stream>}): {@code connected} and {@code start} with the tracks,
 * then each frame of each track as a {@code media} message the moment it arrives, then {@code stop}. What the app
 * sends is ignored, as on Twilio. Frames for an app whose socket is full are dropped, never queued; after
 * {@link StreamRelay#STALL_MILLIS} ms of that the app is disconnected. Everything runs on the call's context.
 */
final class ForkSender {
    private final StreamSocket socket;
    private final TwilioStreamMessages messages;
    private final LongSupplier nanoClock;
    private final Promise<StreamEnd> ended = Promise.promise();
    private final AppStall stall;
    private long startedNanos;

    ForkSender(StreamSocket socket, String streamSid, String accountSid, String callSid, StreamRelay.Problems problems,
               LongSupplier nanoClock) {
        this.socket = socket;
        this.messages = new TwilioStreamMessages(streamSid, accountSid, callSid);
        this.nanoClock = nanoClock;
        socket.textHandler(ignored -> { });
        socket.closeHandler(closed -> ended.tryComplete(StreamEnd.APP_CLOSED));
        this.stall = new AppStall(socket, problems);
    }

    /** Completes with why the app's side ended: it closed the socket, or it stopped reading. */
    Future<StreamEnd> ended() {
        return ended.future();
    }

    /** @param tracks Twilio's names: {@code inbound}, {@code outbound} */
    void start(List<String> tracks, Map<String, String> customParameters) {
        socket.send(messages.connected());
        socket.send(messages.start(tracks, customParameters));
        startedNanos = nanoClock.getAsLong();
    }

    void media(String track, Buffer ulaw) {
        if (ended.future().isComplete()) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (!stall.canSend(now, () -> ended.tryComplete(StreamEnd.APP_STALLED))) {
            return;
        }
        socket.send(messages.media(track, ulaw.getBytes(), (now - startedNanos) / 1_000_000));
    }

    /** {@code stop} (if the stream had started and the app is still there), then the socket closed. */
    void stop(boolean started) {
        if (started && !ended.future().isComplete()) {
            socket.send(messages.stop());
        }
        ended.tryComplete(StreamEnd.STOPPED);
        socket.close();
    }
}
