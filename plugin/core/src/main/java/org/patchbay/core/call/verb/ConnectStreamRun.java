package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.Next;
import org.patchbay.core.call.stream.StreamEnd;
import org.patchbay.core.call.stream.StreamErrors;
import org.patchbay.core.call.stream.StreamRelay;
import org.patchbay.core.call.stream.StreamStatusCallback;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.stream.StreamConnectException;
import org.patchbay.core.stream.StreamConnector;
import org.patchbay.core.stream.StreamSocket;
import org.patchbay.core.telephony.MediaLink;
import org.patchbay.core.telephony.TelephonyEvent;
import org.patchbay.core.twiml.Connect;
import org.patchbay.core.twiml.Stream;
import org.patchbay.core.webhook.TwilioSignature;

import java.util.Map;

/**
 * One {@code <Connect><Stream>}: the app's WebSocket first (signed as Twilio signs it: the URL alone), then the
 * external media channel, bridged with the caller once it is in Stasis, then the relay until the app closes
 * the socket, the call ends or the call moves on (a redirect). Whatever the end, the media channel (by closing
 * its link) and the bridge are released, so a hang-up at any step leaves nothing on the PBX.
 */
final class ConnectStreamRun {
    private static final String STREAM_SID_PREFIX = "MZ";
    /** Longer than any call may last (four hours): this wait only ever ends early, when the call moves on. */
    private static final long UNTIL_MOVED_ON_MILLIS = 4 * 3600_000L + 60_000;

    private final CallControl call;
    private final Connect connect;
    private final Stream stream;
    private final StreamConnector connector;
    private final String streamSid = Sids.next(STREAM_SID_PREFIX);
    private final CallBridge bridge;
    private final String mediaChannelId;
    private final Promise<Void> mediaInStasis = Promise.promise();
    private final Promise<Next> next = Promise.promise();
    private final StreamStatusCallback status;
    private StreamSocket socket;
    private MediaLink link;
    private StreamRelay relay;

    ConnectStreamRun(CallControl call, Connect connect, StreamConnector connector) {
        this.call = call;
        this.connect = connect;
        this.stream = connect.stream();
        this.connector = connector;
        this.bridge = new CallBridge(call, "stream-" + streamSid);
        this.mediaChannelId = call.record().sid() + "-media-" + streamSid;
        this.status = new StreamStatusCallback(call, stream, streamSid);
    }

    Future<Next> start() {
        String token = call.account().authToken();
        Map<String, String> headers = token == null ? Map.of()
                : Map.of(TwilioSignature.HEADER, TwilioSignature.sign(token, stream.url()));
        call.answerNow()
                .compose(answered -> connector.connect(stream.url(), headers))
                .onFailure(this::appUnreachable)
                .onSuccess(opened -> {
                    socket = opened;
                    openMedia();
                });
        return next.future();
    }

    /** Each step checks whether the stream is already over (a hang-up, the app gone) and undoes itself if so. */
    private void openMedia() {
        socket.closeHandler(closed -> end(StreamEnd.APP_CLOSED));
        // The media channel's events (its StasisStart first) are claimed before it exists.
        call.listen(mediaChannelId, this::mediaEvent, true);
        call.pbx().externalMedia(mediaChannelId)
                .compose(opened -> {
                    link = opened;
                    if (over()) {
                        opened.close();
                        return Future.failedFuture("the stream ended while its media channel was made");
                    }
                    return mediaInStasis.future();
                })
                .compose(inStasis -> over() ? Future.failedFuture("the stream ended") : bridge.join(mediaChannelId))
                .onSuccess(joined -> {
                    if (over()) {
                        bridge.release();
                    } else {
                        relay();
                    }
                })
                .onFailure(failed -> {
                    if (link == null) {
                        // No channel was made (or the adapter hung it up before it could enter Stasis): no events to wait for.
                        call.unlisten(mediaChannelId);
                    }
                    if (!over() && !call.whenEnded().isComplete()) {
                        call.warn(StreamErrors.MEDIA_UNAVAILABLE, "<Connect><Stream>: the PBX gave no external media"
                                + " channel: " + failed.getMessage());
                        status.error("The PBX gave no external media channel: " + failed.getMessage());
                    }
                    end(StreamEnd.MEDIA_GONE);
                });
        call.whenEnded().onComplete(ended -> {
            if (relay == null) {
                end(StreamEnd.CALL_ENDED);
            }
        });
    }

    private boolean over() {
        return next.future().isComplete();
    }

    private void relay() {
        relay = new StreamRelay(link, socket, streamSid, call.record().accountSid(), call.record().sid(), call::warn);
        call.onDtmf(relay::dtmf);
        Future<StreamEnd> relayed = relay.start(stream.parameters());
        status.started();
        relayed.onComplete(done -> end(done.result()));
        call.whenEnded().onComplete(ended -> relay.callEnded());
        // A wait ends early when the call moves on (a redirect): the stream stops then, as on Twilio.
        call.pause(UNTIL_MOVED_ON_MILLIS).onComplete(moved -> {
            if (call.whenEnded().isComplete()) {
                relay.callEnded();
            } else {
                relay.callMovedOn();
            }
        });
    }

    private void mediaEvent(TelephonyEvent event) {
        if (event instanceof TelephonyEvent.StasisStarted) {
            mediaInStasis.tryComplete();
        } else if (event instanceof TelephonyEvent.ChannelDestroyed) {
            mediaInStasis.tryFail("the external media channel hung up");
            call.unlisten(mediaChannelId);
        }
    }

    private void appUnreachable(Throwable failure) {
        if (!call.whenEnded().isComplete()) {
            int httpStatus = failure instanceof StreamConnectException refused ? refused.status() : 0;
            String why = "the WebSocket to " + stream.url() + " could not be opened"
                    + (httpStatus > 0 ? " (HTTP " + httpStatus + ")" : "") + ": " + failure.getMessage();
            call.warn(StreamErrors.HANDSHAKE, "<Connect><Stream>: " + why);
            status.error(why);
        }
        finish(call.whenEnded().isComplete());
    }

    /** Releases everything the stream made, once, then moves the call on. */
    private void end(StreamEnd why) {
        if (over()) {
            return;
        }
        call.onDtmf(null);
        if (socket != null) {
            socket.close();
        }
        if (link != null) {
            link.close();
        }
        bridge.release();
        status.stopped();
        if (why == StreamEnd.MOVED_ON) {
            // The session runs the new document; what a superseded verb returns is not used.
            next.tryComplete(Next.CONTINUE);
        } else {
            finish(why == StreamEnd.CALL_ENDED || call.whenEnded().isComplete());
        }
    }

    private void finish(boolean callerGone) {
        next.tryComplete(ActionRequest.next(call, connect.action(), connect.method(), Map.of(), callerGone));
    }
}
