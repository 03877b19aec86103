package org.patchbay.asterisk.sim.engine;

import io.vertx.core.json.JsonObject;

/**
 * A recording in progress. Like a recording of a Local channel in Asterisk, it stores only the audio
 * that arrives: it accumulates the time its feed was active between the start of capture and the end.
 */
final class LiveRecording {

    final RecordingOptions options;
    final Channel channel;
    final Bridge bridge;
    final AudioFeed feed;
    CommandQueue queue;
    CommandQueue.Command command;
    AudioFeed.Listener listener;
    String state = "queued";
    long captureStartMillis = -1;
    long speechMillis;
    long speechSinceMillis = -1;
    boolean anySpeech;
    long maxTimer = -1;
    long noAudioTimer = -1;
    long silenceTimer = -1;
    long beepTimer = -1;
    Long durationSeconds;
    Long talkingSeconds;

    LiveRecording(RecordingOptions options, Channel channel, Bridge bridge) {
        this.options = options;
        this.channel = channel;
        this.bridge = bridge;
        this.feed = channel != null ? channel.incoming : bridge.mixed;
    }

    String name() {
        return options.name();
    }

    boolean capturing() {
        return captureStartMillis >= 0 && "recording".equals(state);
    }

    /**
     * A snoop channel hands the recorder a frame every 20 ms, silence included, so its recording runs
     * for as long as it is captured rather than only while audio arrives.
     */
    boolean continuous() {
        return channel != null && channel.snooped != null;
    }

    long capturedMillis(long now) {
        if (continuous()) {
            return now - captureStartMillis;
        }
        return speechMillis + (speechSinceMillis >= 0 ? now - speechSinceMillis : 0);
    }

    String targetUri() {
        return channel != null ? "channel:" + channel.id : "bridge:" + bridge.id;
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject()
                .put("name", options.name())
                .put("format", options.format())
                .put("state", state)
                .put("target_uri", targetUri());
        if (durationSeconds != null) {
            json.put("duration", durationSeconds);
        }
        if (talkingSeconds != null) {
            json.put("talking_duration", talkingSeconds).put("silence_duration", durationSeconds - talkingSeconds);
        }
        return json;
    }
}
