package org.patchbay.core.telephony;

import java.util.List;

/**
 * Events from the PBX, already moved onto a Vert.x context. Each names the resource it is about
 * ({@link #key()}: a channel id, playback id, recording name or bridge id) so that the router can
 * hand it to the session that claimed that resource.
 */
public sealed interface TelephonyEvent {

    String key();

    /** A channel entered the Stasis application. */
    record StasisStarted(ChannelSnapshot channel, List<String> args) implements TelephonyEvent {
        public String key() {
            return channel.id();
        }
    }

    /** A channel left the Stasis application; no further events or commands for it will work. */
    record StasisEnded(String channelId) implements TelephonyEvent {
        public String key() {
            return channelId;
        }
    }

    record ChannelStateChanged(ChannelSnapshot channel) implements TelephonyEvent {
        public String key() {
            return channel.id();
        }
    }

    /** @param cause the Q.850 cause Asterisk reports (16 normal, 17 busy, 19 no answer, 34 congestion, ...) */
    record HangupRequested(String channelId, int cause) implements TelephonyEvent {
        public String key() {
            return channelId;
        }
    }

    record ChannelDestroyed(String channelId, int cause, String causeText) implements TelephonyEvent {
        public String key() {
            return channelId;
        }
    }

    record DtmfReceived(String channelId, char digit, int durationMs) implements TelephonyEvent {
        public String key() {
            return channelId;
        }
    }

    record PlaybackStarted(String playbackId, String targetUri, String mediaUri) implements TelephonyEvent {
        public String key() {
            return playbackId;
        }
    }

    /** @param state {@code done} after a normal end or a stop, {@code failed} for missing media or a hang-up */
    record PlaybackFinished(String playbackId, String targetUri, String mediaUri, String state) implements TelephonyEvent {
        public String key() {
            return playbackId;
        }

        public boolean failed() {
            return "failed".equals(state);
        }
    }

    record RecordingStarted(String name, String targetUri) implements TelephonyEvent {
        public String key() {
            return name;
        }
    }

    /** @param durationSeconds whole seconds of audio, as Asterisk reports them */
    record RecordingFinished(String name, String targetUri, int durationSeconds) implements TelephonyEvent {
        public String key() {
            return name;
        }
    }

    record RecordingFailed(String name, String targetUri, String cause) implements TelephonyEvent {
        public String key() {
            return name;
        }
    }

    /** Progress of an outgoing leg: {@code dialStatus} is empty at the start, then RINGING, ANSWER, BUSY, ... */
    record DialProgress(String peerChannelId, String callerChannelId, String dialStatus) implements TelephonyEvent {
        public String key() {
            return peerChannelId;
        }
    }

    record ChannelEnteredBridge(String bridgeId, String channelId) implements TelephonyEvent {
        public String key() {
            return channelId;
        }
    }

    record ChannelLeftBridge(String bridgeId, String channelId) implements TelephonyEvent {
        public String key() {
            return channelId;
        }
    }

    record BridgeDestroyed(String bridgeId) implements TelephonyEvent {
        public String key() {
            return bridgeId;
        }
    }

    /** An endpoint's state as the PBX sees it ({@code online}, {@code offline}, {@code unknown}); endpoint is {@code Tech/resource}. */
    record EndpointStateChanged(String endpoint, String state) implements TelephonyEvent {
        public String key() {
            return endpoint;
        }
    }

    /** A device's state ({@code NOT_INUSE}, {@code INUSE}, {@code RINGING}, {@code UNAVAILABLE}, …) as the PBX sees it. */
    record DeviceStateChanged(String device, String state) implements TelephonyEvent {
        public String key() {
            return device;
        }
    }
}
