package org.patchbay.adapters.ari;

import ch.loway.oss.ari4java.generated.models.Channel;
import ch.loway.oss.ari4java.generated.models.ChannelDestroyed;
import ch.loway.oss.ari4java.generated.models.ChannelDtmfReceived;
import ch.loway.oss.ari4java.generated.models.ChannelEnteredBridge;
import ch.loway.oss.ari4java.generated.models.ChannelHangupRequest;
import ch.loway.oss.ari4java.generated.models.ChannelLeftBridge;
import ch.loway.oss.ari4java.generated.models.ChannelStateChange;
import ch.loway.oss.ari4java.generated.models.DeviceStateChanged;
import ch.loway.oss.ari4java.generated.models.Dial;
import ch.loway.oss.ari4java.generated.models.Endpoint;
import ch.loway.oss.ari4java.generated.models.EndpointStateChange;
import ch.loway.oss.ari4java.generated.models.LiveRecording;
import ch.loway.oss.ari4java.generated.models.Message;
import ch.loway.oss.ari4java.generated.models.Playback;
import ch.loway.oss.ari4java.generated.models.PlaybackFinished;
import ch.loway.oss.ari4java.generated.models.PlaybackStarted;
import ch.loway.oss.ari4java.generated.models.RecordingFailed;
import ch.loway.oss.ari4java.generated.models.RecordingFinished;
import ch.loway.oss.ari4java.generated.models.RecordingStarted;
import ch.loway.oss.ari4java.generated.models.StasisEnd;
import ch.loway.oss.ari4java.generated.models.StasisStart;
import ch.loway.oss.ari4java.generated.models.BridgeDestroyed;
import org.patchbay.core.telephony.ChannelSnapshot;
import org.patchbay.core.telephony.TelephonyEvent;

import java.util.List;
import java.util.Optional;

/** Turns ari4java's event models into Patchbay's telephony events; events Patchbay does not use are dropped. */
final class AriEventMapper {

    private AriEventMapper() {
    }

    static Optional<TelephonyEvent> map(Message message) {
        return Optional.ofNullable(toEvent(message));
    }

    private static TelephonyEvent toEvent(Message message) {
        if (message instanceof StasisStart e) {
            return new TelephonyEvent.StasisStarted(snapshot(e.getChannel()), e.getArgs() == null ? List.of() : e.getArgs());
        } else if (message instanceof StasisEnd e) {
            return new TelephonyEvent.StasisEnded(e.getChannel().getId());
        } else if (message instanceof ChannelStateChange e) {
            return new TelephonyEvent.ChannelStateChanged(snapshot(e.getChannel()));
        } else if (message instanceof ChannelHangupRequest e) {
            return new TelephonyEvent.HangupRequested(e.getChannel().getId(), orZero(e.getCause()));
        } else if (message instanceof ChannelDestroyed e) {
            return new TelephonyEvent.ChannelDestroyed(e.getChannel().getId(), orZero(e.getCause()), e.getCause_txt());
        } else if (message instanceof ChannelDtmfReceived e) {
            String digit = e.getDigit();
            return digit == null || digit.isEmpty() ? null
                    : new TelephonyEvent.DtmfReceived(e.getChannel().getId(), digit.charAt(0), orZero(e.getDuration_ms()));
        } else if (message instanceof PlaybackStarted e) {
            Playback p = e.getPlayback();
            return new TelephonyEvent.PlaybackStarted(p.getId(), p.getTarget_uri(), p.getMedia_uri());
        } else if (message instanceof PlaybackFinished e) {
            Playback p = e.getPlayback();
            return new TelephonyEvent.PlaybackFinished(p.getId(), p.getTarget_uri(), p.getMedia_uri(), p.getState());
        } else if (message instanceof RecordingStarted e) {
            return new TelephonyEvent.RecordingStarted(e.getRecording().getName(), e.getRecording().getTarget_uri());
        } else if (message instanceof RecordingFinished e) {
            LiveRecording r = e.getRecording();
            return new TelephonyEvent.RecordingFinished(r.getName(), r.getTarget_uri(), orZero(r.getDuration()));
        } else if (message instanceof RecordingFailed e) {
            LiveRecording r = e.getRecording();
            return new TelephonyEvent.RecordingFailed(r.getName(), r.getTarget_uri(), r.getCause());
        } else if (message instanceof Dial e) {
            return e.getPeer() == null ? null : new TelephonyEvent.DialProgress(e.getPeer().getId(),
                    e.getCaller() == null ? null : e.getCaller().getId(), e.getDialstatus() == null ? "" : e.getDialstatus());
        } else if (message instanceof ChannelEnteredBridge e) {
            return new TelephonyEvent.ChannelEnteredBridge(e.getBridge().getId(), e.getChannel().getId());
        } else if (message instanceof ChannelLeftBridge e) {
            return new TelephonyEvent.ChannelLeftBridge(e.getBridge().getId(), e.getChannel().getId());
        } else if (message instanceof EndpointStateChange e) {
            return state(e.getEndpoint());
        } else if (message instanceof DeviceStateChanged e) {
            return new TelephonyEvent.DeviceStateChanged(e.getDevice_state().getName(), e.getDevice_state().getState());
        } else if (message instanceof BridgeDestroyed e) {
            return new TelephonyEvent.BridgeDestroyed(e.getBridge().getId());
        }
        return null;
    }

    static TelephonyEvent.EndpointStateChanged state(Endpoint endpoint) {
        return new TelephonyEvent.EndpointStateChanged(endpoint.getTechnology() + "/" + endpoint.getResource(),
                endpoint.getState() == null ? "unknown" : endpoint.getState());
    }

    static ChannelSnapshot snapshot(Channel c) {
        return new ChannelSnapshot(
                c.getId(),
                c.getName(),
                c.getState(),
                c.getCaller() == null ? "" : c.getCaller().getName(),
                c.getCaller() == null ? "" : c.getCaller().getNumber(),
                c.getConnected() == null ? "" : c.getConnected().getName(),
                c.getConnected() == null ? "" : c.getConnected().getNumber(),
                c.getDialplan() == null ? "" : c.getDialplan().getContext(),
                c.getDialplan() == null ? "" : c.getDialplan().getExten(),
                c.getLanguage());
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
