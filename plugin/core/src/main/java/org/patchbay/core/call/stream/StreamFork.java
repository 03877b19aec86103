package org.patchbay.core.call.stream;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.stream.StreamConnectException;
import org.patchbay.core.stream.StreamConnector;
import org.patchbay.core.stream.StreamSocket;
import org.patchbay.core.telephony.MediaLink;
import org.patchbay.core.twiml.Stream;
import org.patchbay.core.webhook.TwilioSignature;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * One unidirectional Media Stream ({@code <Start><Stream>} or {@code POST .../Streams}): the app's WebSocket first
 * (signed as Twilio signs it: the URL alone), then one {@link ForkLeg} per track, then {@code connected},
 * {@code start} and the frames of each track until it is stopped, the call ends, the app closes its socket or the
 * PBX drops a leg. The call goes on meanwhile; whatever the end, the app gets {@code stop} if it is still there and
 * every leg is released.
 */
final class StreamFork {
    private static final String STREAM_SID_PREFIX = "MZ";

    private final CallControl call;
    private final Stream stream;
    private final StreamConnector connector;
    private final boolean startedByTwiml;
    private final String sid = Sids.next(STREAM_SID_PREFIX);
    private final List<ForkLeg> legs;
    private final StreamStatusCallback status;
    private Future<StreamSocket> connecting;
    private ForkSender sender;
    private boolean started;
    private boolean stopped;
    private Instant dateUpdated = now();

    StreamFork(CallControl call, Stream stream, StreamConnector connector, boolean startedByTwiml) {
        this.call = call;
        this.stream = stream;
        this.connector = connector;
        this.startedByTwiml = startedByTwiml;
        this.legs = switch (stream.track()) {
            case "outbound_track" -> List.of(new ForkLeg(call, sid, "outbound"));
            case "both_tracks" -> List.of(new ForkLeg(call, sid, "inbound"), new ForkLeg(call, sid, "outbound"));
            default -> List.of(new ForkLeg(call, sid, "inbound"));
        };
        this.status = new StreamStatusCallback(call, stream, sid);
    }

    String sid() {
        return sid;
    }

    String name() {
        return stream.name();
    }

    boolean startedByTwiml() {
        return startedByTwiml;
    }

    boolean running() {
        return !stopped;
    }

    StreamState state() {
        return new StreamState(sid, call.record().accountSid(), call.record().sid(), stream.name(),
                stopped ? StreamState.STOPPED : StreamState.IN_PROGRESS, dateUpdated);
    }

    void start() {
        String token = call.account().authToken();
        Map<String, String> headers = token == null ? Map.of()
                : Map.of(TwilioSignature.HEADER, TwilioSignature.sign(token, stream.url()));
        connecting = call.answerNow().compose(answered -> connector.connect(stream.url(), headers));
        connecting.onFailure(this::appUnreachable).onSuccess(socket -> {
            if (stopped) {
                socket.close();
                return;
            }
            sender = new ForkSender(socket, sid, call.record().accountSid(), call.record().sid(), call::warn, System::nanoTime);
            sender.ended().onComplete(ended -> stop());
            openLegs();
        });
        call.whenEnded().onComplete(ended -> stop());
    }

    private void openLegs() {
        Future.all(legs.stream().map(ForkLeg::open).toList()).onSuccess(opened -> {
            if (stopped) {
                return;
            }
            for (int i = 0; i < legs.size(); i++) {
                MediaLink link = opened.resultAt(i);
                link.listen(new TrackListener(legs.get(i).track()));
            }
            sender.start(legs.stream().map(ForkLeg::track).toList(), stream.parameters());
            started = true;
            status.started();
        }).onFailure(failed -> {
            if (!stopped && !call.whenEnded().isComplete()) {
                call.warn(StreamErrors.MEDIA_UNAVAILABLE, "<Start><Stream>: the PBX gave no snoop or external media"
                        + " channel: " + failed.getMessage());
                status.error("The PBX could not fork the call's audio: " + failed.getMessage());
            }
            stop();
        });
    }

    /** Ends the fork once, whatever the reason; a stop before the app's socket opened closes it when it does. */
    void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        dateUpdated = now();
        if (sender != null) {
            sender.stop(started);
        } else if (connecting != null) {
            connecting.onSuccess(StreamSocket::close);
        }
        legs.forEach(ForkLeg::release);
        status.stopped();
    }

    private void appUnreachable(Throwable failure) {
        if (!stopped && !call.whenEnded().isComplete()) {
            int httpStatus = failure instanceof StreamConnectException refused ? refused.status() : 0;
            String why = "the WebSocket to " + stream.url() + " could not be opened"
                    + (httpStatus > 0 ? " (HTTP " + httpStatus + ")" : "") + ": " + failure.getMessage();
            call.warn(StreamErrors.HANDSHAKE, "<Start><Stream>: " + why);
            status.error(why);
        }
        stop();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** One leg's audio, named by its track; the PBX's marks and queue levels mean nothing to a one-way fork. */
    private final class TrackListener implements MediaLink.Listener {
        private final String track;

        TrackListener(String track) {
            this.track = track;
        }

        @Override
        public void audio(Buffer ulaw) {
            sender.media(track, ulaw);
        }

        @Override
        public void markPlayed(String id) {
            // A fork sends the PBX no audio and no marks, so none comes back.
        }

        @Override
        public void queueFull(boolean full) {
            // Nothing is queued on the PBX for a fork.
        }

        @Override
        public void closed() {
            stop();
        }
    }
}
