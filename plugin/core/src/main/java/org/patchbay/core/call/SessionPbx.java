package org.patchbay.core.call;

import io.vertx.core.Future;
import org.patchbay.core.telephony.RecordRequest;
import org.patchbay.core.telephony.Telephony;
import org.patchbay.core.telephony.TelephonyException;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** {@link CallPbx} for one session: the raw port behind the session's own "has the call ended" guard. */
final class SessionPbx implements CallPbx {
    private final Telephony telephony;
    private final String channelId;
    private final BooleanSupplier ended;

    SessionPbx(Telephony telephony, String channelId, BooleanSupplier ended) {
        this.telephony = telephony;
        this.channelId = channelId;
        this.ended = ended;
    }

    private Future<Void> whileLive(Supplier<Future<Void>> request) {
        return ended.getAsBoolean() ? Future.failedFuture(new TelephonyException(404, "the call has ended")) : request.get();
    }

    @Override
    public Future<Void> ring() {
        return whileLive(() -> telephony.ring(channelId));
    }

    @Override
    public Future<Void> sendDigits(String digits) {
        return whileLive(() -> telephony.sendDtmf(channelId, digits, 100, 100));
    }

    @Override
    public Future<Void> startMusicOnHold() {
        return whileLive(() -> telephony.startMoh(channelId, "default"));
    }

    @Override
    public Future<Void> stopMusicOnHold() {
        return whileLive(() -> telephony.stopMoh(channelId));
    }

    @Override
    public Future<Void> record(RecordRequest request) {
        return whileLive(() -> telephony.record(channelId, request));
    }

    @Override
    public Future<Void> snoop(String snoopId, String spy, java.util.List<String> appArgs) {
        return whileLive(() -> telephony.snoop(channelId, snoopId, spy, appArgs));
    }

    @Override
    public Future<Void> hangUpOwnChannel(String otherChannelId) {
        return telephony.hangup(otherChannelId, "normal");
    }

    @Override
    public Future<Void> recordChannel(String otherChannelId, RecordRequest request) {
        return whileLive(() -> telephony.record(otherChannelId, request));
    }

    @Override
    public Future<Void> recordBridge(String bridgeId, RecordRequest request) {
        return whileLive(() -> telephony.recordBridge(bridgeId, request));
    }

    @Override
    public Future<Void> stopRecording(String name) {
        return telephony.stopRecording(name);
    }

    @Override
    public Future<Void> createBridge(String bridgeId) {
        return whileLive(() -> telephony.createBridge(bridgeId, "mixing", bridgeId));
    }

    @Override
    public Future<Void> addToBridge(String bridgeId, String channelId) {
        return whileLive(() -> telephony.addToBridge(bridgeId, channelId));
    }

    @Override
    public Future<Void> destroyBridge(String bridgeId) {
        return telephony.destroyBridge(bridgeId);
    }

    @Override
    public Future<org.patchbay.core.telephony.MediaLink> externalMedia(String mediaChannelId) {
        return ended.getAsBoolean()
                ? Future.failedFuture(new TelephonyException(404, "the call has ended"))
                : telephony.externalMedia(mediaChannelId);
    }
}
