package org.patchbay.core.telephony;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;

import java.util.List;

/**
 * The PBX as the call router sees it. Every command completes on the Vert.x context it was
 * called from and fails with {@link TelephonyException}; events arrive through {@link #onEvent}.
 */
public interface Telephony {

    Future<Void> answer(String channelId);

    Future<Void> ring(String channelId);

    /** @param reason ARI hang-up reason: normal, busy, congestion, no_answer, rejected, ... */
    Future<Void> hangup(String channelId, String reason);

    /** Plays media items one after another on a channel under one playback id. */
    Future<Void> play(String channelId, String playbackId, List<String> media, String language);

    Future<Void> playOnBridge(String bridgeId, String playbackId, List<String> media, String language);

    Future<Void> stopPlayback(String playbackId);

    Future<Void> sendDtmf(String channelId, String digits, int betweenMs, int durationMs);

    Future<Void> record(String channelId, RecordRequest request);

    Future<Void> recordBridge(String bridgeId, RecordRequest request);

    /**
     * A snoop channel {@code snoopId} hearing {@code channelId}, put into the Stasis app with {@code appArgs}:
     * recording it records the call while the channel stays free to play; bridged with an external media
     * channel it forks the call's audio (Media Streams).
     *
     * @param spy ARI's spy direction: {@code in} (what the channel hears from its caller), {@code out} (what is
     *            played to the caller) or {@code both}
     */
    Future<Void> snoop(String channelId, String snoopId, String spy, List<String> appArgs);

    Future<Void> stopRecording(String name);

    Future<Buffer> storedRecording(String name);

    Future<Void> deleteStoredRecording(String name);

    Future<ChannelSnapshot> originate(OriginateRequest request);

    /** @param type mixing or holding */
    Future<Void> createBridge(String bridgeId, String type, String name);

    Future<Void> addToBridge(String bridgeId, String channelId);

    Future<Void> removeFromBridge(String bridgeId, String channelId);

    Future<Void> destroyBridge(String bridgeId);

    Future<Void> startMoh(String channelId, String mohClass);

    Future<Void> stopMoh(String channelId);

    Future<Void> mute(String channelId, String direction);

    /** Lifts a mute in that direction (in, out or both). */
    Future<Void> unmute(String channelId, String direction);

    /** What Asterisk holds for this Stasis application: how Patchbay finds what a crash or an outage left behind. */
    Future<StasisResources> stasisResources();

    /**
     * Also delivers the events of {@code eventSource} ({@code channel:<id>}): ARI sends an application the events
     * of its own channels only, unless it subscribes.
     */
    Future<Void> subscribe(String eventSource);

    /**
     * Delivers the state changes of {@code eventSource} ({@code endpoint:PJSIP}, {@code deviceState:PJSIP/alice}) and
     * nothing else of it: Asterisk sends an app subscribed to an endpoint every event of every channel on it too.
     */
    Future<Void> watch(String eventSource);

    /** The endpoints of {@code technology} as they are now, each as its EndpointStateChange would report it; none if it has none. */
    Future<List<TelephonyEvent.EndpointStateChanged>> endpoints(String technology);

    /** A device's state as the PBX has it now ({@code NOT_INUSE}, {@code INUSE}, {@code UNAVAILABLE}, {@code INVALID}, …). */
    Future<String> deviceState(String device);

    /**
     * Creates the external media channel {@code channelId} in the Stasis app, its audio carried over a WebSocket
     * (Asterisk's chan_websocket), and opens that socket: the channel then enters Stasis (its StasisStart
     * follows) and can be bridged. A PBX without external media fails with a {@link TelephonyException}.
     */
    default io.vertx.core.Future<MediaLink> externalMedia(String channelId) {
        return io.vertx.core.Future.failedFuture(new TelephonyException(501, "this PBX has no external media"));
    }

    /** The single consumer of PBX events; called on a Vert.x context, in the order Asterisk sent them. */
    void onEvent(Handler<TelephonyEvent> handler);

    TelephonyStatus status();
}
