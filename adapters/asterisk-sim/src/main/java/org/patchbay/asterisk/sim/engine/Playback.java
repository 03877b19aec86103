package org.patchbay.asterisk.sim.engine;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** A playback of one or more media URIs to a channel or a bridge. */
final class Playback {
    final String id;
    final List<String> media;
    final String language;
    final Channel channel;
    final Bridge bridge;
    final List<HeardLog.Item> heardNow = new ArrayList<>();
    CommandQueue queue;
    CommandQueue.Command command;
    int index;
    String state = "queued";
    boolean canceled;
    long timer = -1;

    Playback(String id, List<String> media, String language, Channel channel, Bridge bridge) {
        this.id = id;
        this.media = List.copyOf(media);
        this.language = language;
        this.channel = channel;
        this.bridge = bridge;
    }

    String currentMedia() {
        return media.get(index);
    }

    String targetUri() {
        return channel != null ? "channel:" + channel.id : "bridge:" + bridge.id;
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject().put("id", id).put("media_uri", currentMedia());
        if (index + 1 < media.size()) {
            json.put("next_media_uri", media.get(index + 1));
        }
        return json.put("target_uri", targetUri()).put("language", language).put("state", state);
    }
}
