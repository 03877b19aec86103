package org.patchbay.testkit.telephony;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.patchbay.core.telephony.ChannelSnapshot;
import org.patchbay.core.telephony.MediaLink;
import org.patchbay.core.telephony.OriginateRequest;
import org.patchbay.core.telephony.RecordRequest;
import org.patchbay.core.telephony.StasisResources;
import org.patchbay.core.telephony.Telephony;
import org.patchbay.core.telephony.TelephonyEvent;
import org.patchbay.core.telephony.TelephonyException;
import org.patchbay.core.telephony.TelephonyStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A PBX in memory for tests of the call engine: it answers every {@link Telephony} request as Asterisk does over
 * ARI (events in Asterisk's order, 404 for a gone channel) and lets a test play the caller ({@link MemoryCall}) and
 * the far ends of originated channels ({@link FarEnd}); playbacks and recordings end as a {@link MediaScript} says.
 * Every request is logged ({@link PbxCommand}); those about a channel whose end Patchbay had already been told are
 * kept apart ({@link #lateCommands()}). Events come on one context, replies on the caller's, a hop later.
 */
public final class MemoryTelephony extends PbxPlumbing implements Telephony {
    private final AtomicInteger ids = new AtomicInteger();
    final Map<String, String> playbackTargets = new ConcurrentHashMap<>();
    final Map<String, String> recordingTargets = new ConcurrentHashMap<>();
    final MemoryBridges bridges = new MemoryBridges(this);
    final StoredRecordings stored = new StoredRecordings();
    private final List<MemoryMediaLink> mediaLinks = new CopyOnWriteArrayList<>();
    private volatile Function<OriginateRequest, FarEnd> farEnds = request -> FarEnd.ANSWERS;
    volatile MediaScript media = MediaScript.finishing();

    /** Events are delivered on {@code events}: give it the sessions' context and {@link #lateCommands()} is exact. */
    public MemoryTelephony(Vertx vertx, Context events) {
        super(vertx, events);
    }

    /**
     * A caller dials {@code number}: the channel enters Stasis ringing, with {@code args} as the dialplan's;
     * {@code script} is applied first (so no request of Patchbay's can come before it).
     */
    public MemoryCall inbound(String from, String number, Consumer<MemoryCall> script, String... args) {
        MemoryCall call = new MemoryCall(this, "in-" + ids.incrementAndGet(), from, number, false);
        script.accept(call);
        channels.put(call.channelId(), call);
        emit(new TelephonyEvent.StasisStarted(call.snapshot("Ring"), List.of(args)));
        return call;
    }

    /** How each originated channel's far end behaves (default: answers at once). */
    public MemoryTelephony farEnds(Function<OriginateRequest, FarEnd> script) {
        this.farEnds = script;
        return this;
    }

    public MemoryTelephony media(MediaScript script) {
        this.media = script;
        return this;
    }

    /** A channel by id: an originated one to play its far end (hang up, press keys). */
    public MemoryCall channel(String channelId) {
        return channels.get(channelId);
    }

    /** Bridges that were created and not destroyed, and channels still in Stasis. */
    public List<String> leftovers() {
        List<String> left = new ArrayList<>(bridges.ids());
        channels.values().stream().filter(c -> !c.gone()).forEach(c -> left.add(c.channelId()));
        return left;
    }

    @Override
    public Future<Void> answer(String channelId) {
        return onChannel("answer", channelId, "", () -> channels.get(channelId).answered());
    }

    @Override
    public Future<Void> ring(String channelId) {
        return onChannel("ring", channelId, "", () -> { });
    }

    @Override
    public Future<Void> hangup(String channelId, String reason) {
        return onChannel("hangup", channelId, reason, () -> channels.get(channelId).hungUpByPatchbay());
    }

    @Override
    public Future<Void> play(String channelId, String playbackId, List<String> media, String language) {
        playbackTargets.put(playbackId, channelId);
        return onChannel("play", channelId, String.join(",", media),
                () -> channels.get(channelId).playing(playbackId, media));
    }

    @Override
    public Future<Void> playOnBridge(String bridgeId, String playbackId, List<String> media, String language) {
        log("playOnBridge", bridgeId, String.join(",", media), false);
        return reply(Future.succeededFuture());
    }

    @Override
    public Future<Void> stopPlayback(String playbackId) {
        String channelId = playbackTargets.getOrDefault(playbackId, "");
        MemoryCall call = channels.get(channelId);
        log("stopPlayback", playbackId, "", call != null && call.endKnown());
        if (call == null || !call.stopPlayback(playbackId)) {
            return reply(Future.failedFuture(new TelephonyException(404, "Playback not found")));
        }
        return reply(Future.succeededFuture());
    }

    @Override
    public Future<Void> sendDtmf(String channelId, String digits, int betweenMs, int durationMs) {
        return onChannel("sendDtmf", channelId, digits, () -> { });
    }

    @Override
    public Future<Void> record(String channelId, RecordRequest request) {
        recordingTargets.put(request.name(), channelId);
        return onChannel("record", channelId, request.name(), () -> channels.get(channelId).recording(request));
    }

    @Override
    public Future<Void> snoop(String channelId, String snoopId, String spy, List<String> appArgs) {
        MemoryCall watched = channels.get(channelId);
        log("snoop", channelId, snoopId + " " + spy, watched != null && watched.endKnown());
        if (watched == null || watched.gone()) {
            return reply(Future.failedFuture(new TelephonyException(404, "Provided channel was not found")));
        }
        // As on Asterisk 22.10.1, a snoop leaves Stasis when it goes but is never reported destroyed.
        MemoryCall snoop = new MemoryCall(this, snoopId, "", "snoop", false);
        channels.put(snoopId, snoop);
        later(() -> snoop.enterStasisAnswered(appArgs));
        return reply(Future.succeededFuture());
    }

    /** As chan_websocket: a channel that enters Stasis, its audio carried by the link Patchbay gets. */
    @Override
    public Future<MediaLink> externalMedia(String channelId) {
        log("externalMedia", channelId, "", false);
        MemoryCall channel = new MemoryCall(this, channelId, "", "external-media", true);
        channels.put(channelId, channel);
        MemoryMediaLink link = new MemoryMediaLink(this, channel);
        mediaLinks.add(link);
        later(() -> channel.enterStasisAnswered(List.of()));
        return reply(Future.succeededFuture(link));
    }

    /** The external media links Patchbay opened, in order. */
    public List<MemoryMediaLink> mediaLinks() {
        return List.copyOf(mediaLinks);
    }

    @Override
    public Future<Void> recordBridge(String bridgeId, RecordRequest request) {
        log("recordBridge", bridgeId, request.name(), false);
        return reply(Future.succeededFuture());
    }

    @Override
    public Future<Void> stopRecording(String name) {
        MemoryCall call = channels.get(recordingTargets.getOrDefault(name, ""));
        log("stopRecording", name, "", call != null && call.endKnown());
        if (call == null || !call.stopRecording(name)) {
            return reply(Future.failedFuture(new TelephonyException(404, "Recording not found")));
        }
        return reply(Future.succeededFuture());
    }

    @Override
    public Future<Buffer> storedRecording(String name) {
        return reply(stored.get(name));
    }

    @Override
    public Future<Void> deleteStoredRecording(String name) {
        log("deleteStoredRecording", name, "", false);
        return reply(stored.delete(name));
    }

    @Override
    public Future<ChannelSnapshot> originate(OriginateRequest request) {
        String id = request.channelId() != null ? request.channelId() : "out-" + ids.incrementAndGet();
        log("originate", id, request.endpoint(), false);
        MemoryCall far = new MemoryCall(this, id, request.callerIdNumber(), request.endpoint(), true);
        channels.put(id, far);
        FarEnd behaviour = farEnds.apply(request);
        later(() -> behaviour.act(far, request));
        return reply(Future.succeededFuture(far.snapshot("Down")));
    }

    @Override
    public Future<Void> createBridge(String bridgeId, String type, String name) {
        log("createBridge", bridgeId, type, false);
        bridges.create(bridgeId);
        return reply(Future.succeededFuture());
    }

    @Override
    public Future<Void> addToBridge(String bridgeId, String channelId) {
        if (!bridges.exists(bridgeId)) {
            log("addToBridge", channelId, bridgeId, false);
            return reply(Future.failedFuture(new TelephonyException(404, "Bridge not found")));
        }
        return onChannel("addToBridge", channelId, bridgeId, () -> bridges.add(bridgeId, channelId));
    }

    @Override
    public Future<Void> removeFromBridge(String bridgeId, String channelId) {
        return onChannel("removeFromBridge", channelId, bridgeId, () -> bridges.remove(bridgeId, channelId));
    }

    @Override
    public Future<Void> destroyBridge(String bridgeId) {
        log("destroyBridge", bridgeId, "", false);
        return reply(bridges.destroy(bridgeId) ? Future.succeededFuture()
                : Future.failedFuture(new TelephonyException(404, "Bridge not found")));
    }

    @Override
    public Future<Void> startMoh(String channelId, String mohClass) {
        return onChannel("startMoh", channelId, mohClass, () -> { });
    }

    @Override
    public Future<Void> stopMoh(String channelId) {
        return onChannel("stopMoh", channelId, "", () -> { });
    }

    @Override
    public Future<Void> mute(String channelId, String direction) {
        return onChannel("mute", channelId, direction, () -> { });
    }

    @Override
    public Future<Void> unmute(String channelId, String direction) {
        return onChannel("unmute", channelId, direction, () -> { });
    }

    @Override
    public Future<StasisResources> stasisResources() {
        List<String> live = channels.values().stream().filter(c -> !c.gone()).map(MemoryCall::channelId).toList();
        return reply(Future.succeededFuture(new StasisResources(live, bridges.ids())));
    }

    /** Nothing to subscribe to: with no endpoints of its own this PBX sends no endpoint events. */
    @Override
    public Future<Void> subscribe(String eventSource) {
        return reply(Future.succeededFuture());
    }

    /** No endpoints and no device states of its own: nothing to watch. */
    @Override
    public Future<Void> watch(String eventSource) {
        return reply(Future.succeededFuture());
    }

    /** This PBX has no endpoints of its own: calls reach it as scripted channels, never as registered phones. */
    @Override
    public Future<List<TelephonyEvent.EndpointStateChanged>> endpoints(String technology) {
        return reply(Future.succeededFuture(List.of()));
    }

    /** The memory PBX has no devices of its own: their state says nothing. */
    @Override
    public Future<String> deviceState(String device) {
        log("deviceState", device, "", false);
        return reply(Future.succeededFuture("UNKNOWN"));
    }

    @Override
    public TelephonyStatus status() {
        return new TelephonyStatus(TelephonyStatus.State.CONNECTED, "memory", "memory", "in memory");
    }
}
