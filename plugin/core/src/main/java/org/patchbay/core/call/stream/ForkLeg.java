package org.patchbay.core.call.stream;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.telephony.MediaLink;
import org.patchbay.core.telephony.TelephonyEvent;

import java.util.List;

/**
 * One track of a one-way fork, made of Asterisk primitives: a snoop channel on the call's channel (spy {@code in}
 * for what the caller says, {@code out} for what the caller hears) and an external media channel, alone together in
 * a mixing bridge, so the snoop's audio reaches the media socket. The call's own channel is never touched: it stays
 * free to play, gather or dial. {@link #release} undoes whatever exists at that moment, and whatever a request still
 * under way makes is undone when it lands, so a stop or a hang-up at any step leaves nothing behind.
 */
final class ForkLeg {
    /**
     * The snoop's Stasis arguments, a marker and the call, so that whoever reads the PBX's channels sees what it is;
     * what keeps its StasisStart from being taken for a new call is the claim made before the snoop exists.
     */
    static final String SNOOP_ARG = "patchbay-stream";

    private final CallControl call;
    private final String track;
    private final String spy;
    private final String snoopId;
    private final String mediaChannelId;
    private final String bridgeId;
    private final Promise<Void> snoopInStasis = Promise.promise();
    private final Promise<Void> mediaInStasis = Promise.promise();
    private Future<Void> snoopMade;
    private Future<MediaLink> mediaMade;
    private Future<Void> bridgeMade;
    private boolean released;

    /** @param track {@code inbound} or {@code outbound}, Twilio's name for it */
    ForkLeg(CallControl call, String streamSid, String track) {
        this.call = call;
        this.track = track;
        this.spy = track.equals("inbound") ? "in" : "out";
        String base = call.record().sid() + "-" + streamSid + "-" + spy;
        this.snoopId = base + "-snoop";
        this.mediaChannelId = base + "-media";
        this.bridgeId = base + "-fork";
    }

    String track() {
        return track;
    }

    /** Completes with the media link once the bridge holds both channels; fails if any step fails or it was released. */
    Future<MediaLink> open() {
        // Both channels' events (their StasisStart first) are claimed before they exist; they outlive the call so
        // that their end still reaches this leg after a hang-up.
        call.listen(snoopId, event -> channelEvent(event, snoopId, snoopInStasis), true);
        call.listen(mediaChannelId, event -> channelEvent(event, mediaChannelId, mediaInStasis), true);
        snoopMade = call.pbx().snoop(snoopId, spy, List.of(SNOOP_ARG, call.record().sid()));
        snoopMade.onFailure(failed -> call.unlisten(snoopId));
        mediaMade = call.pbx().externalMedia(mediaChannelId);
        mediaMade.onFailure(failed -> call.unlisten(mediaChannelId));
        Future<Void> snoopReady = snoopMade.compose(made -> snoopInStasis.future());
        Future<Void> mediaReady = mediaMade.compose(made -> mediaInStasis.future());
        return Future.all(snoopReady, mediaReady)
                .compose(ready -> released ? Future.failedFuture("the stream was stopped") : bridge())
                .compose(bridged -> released ? Future.failedFuture("the stream was stopped") : mediaMade);
    }

    private Future<Void> bridge() {
        call.listen(bridgeId, event -> { }, true);
        bridgeMade = call.pbx().createBridge(bridgeId);
        return bridgeMade
                .compose(made -> call.pbx().addToBridge(bridgeId, snoopId))
                .compose(added -> call.pbx().addToBridge(bridgeId, mediaChannelId));
    }

    /**
     * A channel's end is its StasisEnd or its ChannelDestroyed, whichever comes: Asterisk 22.10.1 sends a snoop no
     * ChannelDestroyed (neither when it is hung up nor when the channel it listens to goes), only StasisEnd.
     */
    private void channelEvent(TelephonyEvent event, String channelId, Promise<Void> inStasis) {
        if (event instanceof TelephonyEvent.StasisStarted) {
            inStasis.tryComplete();
        } else if (event instanceof TelephonyEvent.StasisEnded || event instanceof TelephonyEvent.ChannelDestroyed) {
            inStasis.tryFail(channelId + " hung up");
            call.unlisten(channelId);
        }
    }

    /** Hangs up both channels and destroys the bridge, now or as soon as the request that makes each one lands. */
    void release() {
        if (released) {
            return;
        }
        released = true;
        if (snoopMade != null) {
            // The snoop also goes by itself when the call's channel does; hanging it up then fails harmlessly (404).
            snoopMade.onSuccess(made -> call.pbx().hangUpOwnChannel(snoopId));
        }
        if (mediaMade != null) {
            mediaMade.onSuccess(MediaLink::close);
        }
        if (bridgeMade != null) {
            bridgeMade.onComplete(made -> {
                call.pbx().destroyBridge(bridgeId);
                call.unlisten(bridgeId);
            });
        }
    }
}
