package org.patchbay.adapters.ari;

import ch.loway.oss.ari4java.ARI;
import ch.loway.oss.ari4java.generated.models.Application;
import ch.loway.oss.ari4java.generated.models.DeviceState;
import ch.loway.oss.ari4java.generated.models.Endpoint;
import ch.loway.oss.ari4java.generated.models.Bridge;
import ch.loway.oss.ari4java.generated.models.Channel;
import ch.loway.oss.ari4java.generated.models.LiveRecording;
import ch.loway.oss.ari4java.generated.models.Playback;
import ch.loway.oss.ari4java.tools.AriCallback;
import ch.loway.oss.ari4java.tools.RestException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import org.patchbay.core.telephony.ChannelSnapshot;
import org.patchbay.core.telephony.OriginateRequest;
import org.patchbay.core.telephony.RecordRequest;
import org.patchbay.core.telephony.StasisResources;
import org.patchbay.core.telephony.Telephony;
import org.patchbay.core.telephony.TelephonyEvent;
import org.patchbay.core.telephony.TelephonyException;
import org.patchbay.core.telephony.TelephonyStatus;

import java.util.List;

/** The {@link Telephony} port over ari4java: each command is one ARI request, as a Future. */
public final class AriTelephony implements Telephony {

    /** One ARI request written against ari4java's request builders. */
    @FunctionalInterface
    private interface Request<T> {
        void send(ARI ari, AriCallback<T> callback) throws RestException;
    }

    private final AriConnection connection;
    private final AriExternalMedia externalMedia;

    public AriTelephony(AriConnection connection) {
        this.connection = connection;
        this.externalMedia = new AriExternalMedia(connection);
    }

    /** ari4java's external_host is required in its signature but empty for a websocket server (the query skips it). */
    @Override
    public Future<org.patchbay.core.telephony.MediaLink> externalMedia(String channelId) {
        return externalMedia.open(channelId,
                id -> this.<Channel>request((ari, cb) -> ari.channels().externalMedia(ari.getAppName(), null, "ulaw")
                        .setChannelId(id).setTransport("websocket").setEncapsulation("none")
                        .setConnection_type("server").execute(cb)),
                variable -> this.<ch.loway.oss.ari4java.generated.models.Variable>request((ari, cb) -> ari.channels()
                        .getChannelVar(channelId, variable).execute(cb)).map(found -> found.getValue()),
                id -> hangup(id, "normal"));
    }

    private <T> Future<T> request(Request<T> request) {
        ARI ari = connection.ari();
        if (ari == null) {
            return Future.failedFuture(new TelephonyException(0, "not connected to Asterisk"));
        }
        Promise<T> promise = Promise.promise();
        try {
            request.send(ari, AriCallbacks.completing(promise));
        } catch (RestException e) {
            promise.tryFail(new TelephonyException(e.getCode(), e.getMessage()));
        }
        return promise.future();
    }

    private static String joined(List<String> media) {
        return String.join(",", media);
    }

    @Override
    public Future<Void> answer(String channelId) {
        return request((ari, cb) -> ari.channels().answer(channelId).execute(cb));
    }

    @Override
    public Future<Void> ring(String channelId) {
        return request((ari, cb) -> ari.channels().ring(channelId).execute(cb));
    }

    @Override
    public Future<Void> hangup(String channelId, String reason) {
        return request((ari, cb) -> ari.channels().hangup(channelId).setReason(reason).execute(cb));
    }

    @Override
    public Future<Void> play(String channelId, String playbackId, List<String> media, String language) {
        return this.<Playback>request((ari, cb) -> ari.channels().playWithId(channelId, playbackId, joined(media))
                .setLang(language).execute(cb)).mapEmpty();
    }

    @Override
    public Future<Void> playOnBridge(String bridgeId, String playbackId, List<String> media, String language) {
        return this.<Playback>request((ari, cb) -> ari.bridges().playWithId(bridgeId, playbackId, joined(media))
                .setLang(language).execute(cb)).mapEmpty();
    }

    @Override
    public Future<Void> stopPlayback(String playbackId) {
        return request((ari, cb) -> ari.playbacks().stop(playbackId).execute(cb));
    }

    @Override
    public Future<Void> sendDtmf(String channelId, String digits, int betweenMs, int durationMs) {
        return request((ari, cb) -> ari.channels().sendDTMF(channelId).setDtmf(digits)
                .setBetween(betweenMs).setDuration(durationMs).execute(cb));
    }

    @Override
    public Future<Void> record(String channelId, RecordRequest r) {
        return this.<LiveRecording>request((ari, cb) -> ari.channels().record(channelId, r.name(), r.format())
                .setMaxDurationSeconds(r.maxDurationSeconds()).setMaxSilenceSeconds(r.maxSilenceSeconds())
                .setBeep(r.beep()).setTerminateOn(r.terminateOn()).setIfExists("overwrite")
                .execute(cb)).mapEmpty();
    }

    @Override
    public Future<Void> snoop(String channelId, String snoopId, String spy, List<String> appArgs) {
        return this.<ch.loway.oss.ari4java.generated.models.Channel>request((ari, cb) -> ari.channels()
                .snoopChannelWithId(channelId, snoopId, ari.getAppName()).setSpy(spy)
                .setAppArgs(String.join(",", appArgs)).execute(cb)).mapEmpty();
    }

    @Override
    public Future<Void> recordBridge(String bridgeId, RecordRequest r) {
        return this.<LiveRecording>request((ari, cb) -> ari.bridges().record(bridgeId, r.name(), r.format())
                .setMaxDurationSeconds(r.maxDurationSeconds()).setMaxSilenceSeconds(r.maxSilenceSeconds())
                .setBeep(r.beep()).setTerminateOn(r.terminateOn()).setIfExists("overwrite")
                .execute(cb)).mapEmpty();
    }

    @Override
    public Future<Void> stopRecording(String name) {
        return request((ari, cb) -> ari.recordings().stop(name).execute(cb));
    }

    @Override
    public Future<Buffer> storedRecording(String name) {
        return this.<byte[]>request((ari, cb) -> ari.recordings().getStoredFile(name).execute(cb)).map(Buffer::buffer);
    }

    @Override
    public Future<Void> deleteStoredRecording(String name) {
        return request((ari, cb) -> ari.recordings().deleteStored(name).execute(cb));
    }

    /**
     * A channel originated into the dialplan (answering-machine detection) is not the app's until it enters Stasis, so
     * without a subscription Patchbay would never hear that it rang, was busy or went unanswered: subscribe to it at
     * once (Asterisk drops the subscription with the channel). If that fails, the channel is hung up and the call fails.
     */
    @Override
    public Future<ChannelSnapshot> originate(OriginateRequest o) {
        Future<ChannelSnapshot> originated = placeOriginate(o);
        if (o.dialplanContext() == null) {
            return originated;
        }
        return originated.compose(channel -> subscribe("channel:" + channel.id()).map(channel)
                .recover(e -> hangup(channel.id(), "normal").transform(v -> Future.failedFuture(e))));
    }

    private Future<ChannelSnapshot> placeOriginate(OriginateRequest o) {
        return this.<Channel>request((ari, cb) -> {
            var builder = ari.channels().originateWithId(o.channelId(), o.endpoint())
                    .setCallerId(callerId(o.callerIdName(), o.callerIdNumber()))
                    .setTimeout(o.timeoutSeconds());
            if (o.dialplanContext() == null) {
                builder.setApp(ari.getAppName()).setAppArgs(String.join(",", o.appArgs()));
            } else {
                builder.setContext(o.dialplanContext()).setExtension(OriginateRequest.DIALPLAN_EXTENSION).setPriority(1);
            }
            if (o.originator() != null) {
                builder.setOriginator(o.originator());
            } else if (o.formats() != null) {
                builder.setFormats(o.formats());
            }
            if (o.variables() != null && !o.variables().isEmpty()) {
                builder.setVariables(o.variables());
            }
            builder.execute(cb);
        }).map(AriEventMapper::snapshot);
    }

    private static String callerId(String name, String number) {
        if (number == null || number.isEmpty()) {
            return null;
        }
        return name == null || name.isEmpty() ? number : "\"" + name.replace("\"", "") + "\" <" + number + ">";
    }

    @Override
    public Future<Void> createBridge(String bridgeId, String type, String name) {
        return this.<Bridge>request((ari, cb) -> ari.bridges().createWithId(bridgeId).setType(type).setName(name)
                .execute(cb)).mapEmpty();
    }

    @Override
    public Future<Void> addToBridge(String bridgeId, String channelId) {
        return request((ari, cb) -> ari.bridges().addChannel(bridgeId, channelId).execute(cb));
    }

    @Override
    public Future<Void> removeFromBridge(String bridgeId, String channelId) {
        return request((ari, cb) -> ari.bridges().removeChannel(bridgeId, channelId).execute(cb));
    }

    @Override
    public Future<Void> destroyBridge(String bridgeId) {
        return request((ari, cb) -> ari.bridges().destroy(bridgeId).execute(cb));
    }

    @Override
    public Future<Void> startMoh(String channelId, String mohClass) {
        return request((ari, cb) -> ari.channels().startMoh(channelId).setMohClass(mohClass).execute(cb));
    }

    @Override
    public Future<Void> stopMoh(String channelId) {
        return request((ari, cb) -> ari.channels().stopMoh(channelId).execute(cb));
    }

    @Override
    public Future<Void> mute(String channelId, String direction) {
        return request((ari, cb) -> ari.channels().mute(channelId).setDirection(direction).execute(cb));
    }

    @Override
    public Future<Void> unmute(String channelId, String direction) {
        return request((ari, cb) -> ari.channels().unmute(channelId).setDirection(direction).execute(cb));
    }

    @Override
    public Future<StasisResources> stasisResources() {
        return this.<Application>request((ari, cb) -> ari.applications().get(ari.getAppName()).execute(cb))
                .map(app -> new StasisResources(
                        app.getChannel_ids() == null ? List.of() : app.getChannel_ids(),
                        app.getBridge_ids() == null ? List.of() : app.getBridge_ids()));
    }

    @Override
    public Future<Void> subscribe(String eventSource) {
        return this.<Application>request((ari, cb) -> ari.applications().subscribe(ari.getAppName(), eventSource).execute(cb))
                .mapEmpty();
    }

    @Override
    public Future<Void> watch(String eventSource) {
        String presenceApp = connection.settings().presenceApp();
        return this.<Application>request((ari, cb) -> ari.applications().subscribe(presenceApp, eventSource).execute(cb))
                .mapEmpty();
    }

    @Override
    public Future<List<TelephonyEvent.EndpointStateChanged>> endpoints(String technology) {
        return this.<List<Endpoint>>request((ari, cb) -> ari.endpoints().listByTech().setTech(technology).execute(cb))
                .map(list -> list.stream().map(AriEventMapper::state).toList())
                .recover(e -> e instanceof TelephonyException t && t.status() == 404
                        ? Future.succeededFuture(List.of()) : Future.failedFuture(e));
    }

    @Override
    public Future<String> deviceState(String device) {
        return this.<DeviceState>request((ari, cb) -> ari.deviceStates().get(device).execute(cb)).map(DeviceState::getState);
    }

    @Override
    public void onEvent(Handler<TelephonyEvent> handler) {
        connection.onEvent(handler);
    }

    @Override
    public TelephonyStatus status() {
        return connection.status();
    }
}
