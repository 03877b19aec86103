package org.patchbay.core.events;

import org.patchbay.core.call.CallRecord;
import org.patchbay.core.telephony.TelephonyEvent;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An Asterisk event about a resource of one call (its channel, playbacks, recordings, bridges), republished
 * as {@code io.patchbay.channel.<ARI event type>} with the call's CallSid and AccountSid and the event's fields
 * as Patchbay reads them from ARI.
 */
public record ChannelEventRepublished(CallRecord call, Instant time, TelephonyEvent event) implements CallEvent {
    public static final String PREFIX = "io.patchbay.channel.";

    private static final Map<Class<?>, String> ARI_NAMES = Map.ofEntries(
            Map.entry(TelephonyEvent.StasisStarted.class, "StasisStart"),
            Map.entry(TelephonyEvent.StasisEnded.class, "StasisEnd"),
            Map.entry(TelephonyEvent.ChannelStateChanged.class, "ChannelStateChange"),
            Map.entry(TelephonyEvent.HangupRequested.class, "ChannelHangupRequest"),
            Map.entry(TelephonyEvent.ChannelDestroyed.class, "ChannelDestroyed"),
            Map.entry(TelephonyEvent.DtmfReceived.class, "ChannelDtmfReceived"),
            Map.entry(TelephonyEvent.PlaybackStarted.class, "PlaybackStarted"),
            Map.entry(TelephonyEvent.PlaybackFinished.class, "PlaybackFinished"),
            Map.entry(TelephonyEvent.RecordingStarted.class, "RecordingStarted"),
            Map.entry(TelephonyEvent.RecordingFinished.class, "RecordingFinished"),
            Map.entry(TelephonyEvent.RecordingFailed.class, "RecordingFailed"),
            Map.entry(TelephonyEvent.DialProgress.class, "Dial"),
            Map.entry(TelephonyEvent.ChannelEnteredBridge.class, "ChannelEnteredBridge"),
            Map.entry(TelephonyEvent.ChannelLeftBridge.class, "ChannelLeftBridge"),
            Map.entry(TelephonyEvent.BridgeDestroyed.class, "BridgeDestroyed"));

    /** The ARI event type names republished, for the catalog. */
    public static Iterable<String> ariTypes() {
        return ARI_NAMES.values();
    }

    @Override
    public EventType type() {
        return EventType.of(PREFIX + ARI_NAMES.getOrDefault(event.getClass(), event.getClass().getSimpleName()));
    }

    @Override
    public Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("CallSid", call.sid());
        data.put("AccountSid", call.accountSid());
        data.putAll(RecordFields.of((Record) event)); // every kind of TelephonyEvent is a record
        return data;
    }
}
