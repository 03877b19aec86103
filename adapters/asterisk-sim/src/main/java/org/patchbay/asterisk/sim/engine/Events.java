package org.patchbay.asterisk.sim.engine;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** Builds ARI event bodies with the keys, in the order, that Asterisk 22 writes them. */
final class Events {
    private final SimClock clock;

    Events(SimClock clock) {
        this.clock = clock;
    }

    JsonObject channel(String type, Channel channel) {
        return head(type).put("channel", channel.toJson());
    }

    JsonObject stasisStart(Channel channel, List<String> args) {
        return head("StasisStart").put("args", new JsonArray(List.copyOf(args))).put("channel", channel.toJson());
    }

    JsonObject hangupRequest(Channel channel, int cause, boolean soft) {
        JsonObject event = new JsonObject().put("cause", cause);
        if (soft) {
            event.put("soft", true);
        }
        if (channel.techCause != null) {
            event.put("tech_cause", channel.techCause);
        }
        return event.put("type", "ChannelHangupRequest").put("timestamp", clock.timestamp())
                .put("channel", channel.toJson());
    }

    JsonObject destroyed(Channel channel, int cause) {
        JsonObject event = head("ChannelDestroyed").put("cause", cause).put("cause_txt", Causes.text(cause));
        if (channel.techCause != null) {
            event.put("tech_cause", channel.techCause);
        }
        return event.put("channel", channel.toJson());
    }

    JsonObject varset(Channel channel, String variable, String value) {
        return new JsonObject().put("variable", variable).put("value", value)
                .put("type", "ChannelVarset").put("timestamp", clock.timestamp())
                .put("channel", channel.toJson());
    }

    JsonObject dialplan(Channel channel) {
        return head("ChannelDialplan")
                .put("dialplan_app", channel.dialplan.appName())
                .put("dialplan_app_data", channel.dialplan.appData())
                .put("channel", channel.toJson());
    }

    JsonObject callerId(Channel channel) {
        return head("ChannelCallerId")
                .put("caller_presentation", 0)
                .put("caller_presentation_txt", "Presentation Allowed, Not Screened")
                .put("channel", channel.toJson());
    }

    JsonObject dial(Channel peer, String status, String dialstring) {
        return head("Dial").put("dialstatus", status).put("forward", "").put("dialstring", dialstring)
                .put("peer", peer.toJson());
    }

    JsonObject dtmf(Channel channel, char digit, int durationMs) {
        return head("ChannelDtmfReceived").put("digit", String.valueOf(digit)).put("duration_ms", durationMs)
                .put("channel", channel.toJson());
    }

    JsonObject playback(String type, Playback playback) {
        return head(type).put("playback", playback.toJson());
    }

    JsonObject recording(String type, LiveRecording recording) {
        return head(type).put("recording", recording.toJson());
    }

    JsonObject bridge(String type, Bridge bridge) {
        return head(type).put("bridge", bridge.toJson());
    }

    JsonObject bridgeChannel(String type, Bridge bridge, Channel channel) {
        return head(type).put("bridge", bridge.toJson()).put("channel", channel.toJson());
    }

    private JsonObject head(String type) {
        return new JsonObject().put("type", type).put("timestamp", clock.timestamp());
    }
}
