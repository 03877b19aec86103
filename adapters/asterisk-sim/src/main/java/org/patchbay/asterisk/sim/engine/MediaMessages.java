package org.patchbay.asterisk.sim.engine;

import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * The text messages chan_websocket sends an app, in its two control formats: plain text
 * ({@code MEDIA_START connection_id:… channel:…}) or, with {@code transport_data=f(json)}, JSON objects
 * with an {@code event} key. Shapes are those of the capture; the JSON forms of QUEUE_DRAINED, MEDIA_XOFF
 * and MEDIA_XON were not captured and follow the captured pattern (event + channel_id).
 */
final class MediaMessages {
    private final boolean json;
    private final String channelId;
    private final MediaFormat format;

    MediaMessages(boolean json, String channelId, MediaFormat format) {
        this.json = json;
        this.channelId = channelId;
        this.format = format;
    }

    boolean json() {
        return json;
    }

    String mediaStart(String connectionId, String channelName, Map<String, String> variables) {
        if (!json) {
            return "MEDIA_START connection_id:" + connectionId + " channel:" + channelName + " channel_id:" + channelId
                    + " format:" + format.name + " optimal_frame_size:" + format.frameBytes + " ptime:20";
        }
        JsonObject vars = new JsonObject();
        variables.forEach(vars::put);
        return new JsonObject().put("event", "MEDIA_START").put("connection_id", connectionId)
                .put("channel", channelName).put("channel_id", channelId).put("format", format.name)
                .put("optimal_frame_size", format.frameBytes).put("ptime", 20).put("channel_variables", vars).encode();
    }

    String dtmfEnd(char digit) {
        return json
                ? event("DTMF_END").put("digit", String.valueOf(digit)).encode()
                : "DTMF_END digit:" + digit + " channel_id:" + channelId;
    }

    String markProcessed(String correlationId) {
        return correlated("MEDIA_MARK_PROCESSED", correlationId);
    }

    String bufferingCompleted(String correlationId) {
        return correlated("MEDIA_BUFFERING_COMPLETED", correlationId);
    }

    String bare(String name) {
        return json ? event(name).encode() : name;
    }

    String status(int queueLength, boolean queueFull, boolean bulkMedia, boolean paused) {
        if (json) {
            return event("STATUS").put("queue_length", queueLength).put("xon_level", MediaPlayout.XON_LEVEL)
                    .put("xoff_level", MediaPlayout.XOFF_LEVEL).put("queue_full", queueFull)
                    .put("bulk_media", bulkMedia).put("media_paused", paused).encode();
        }
        return "STATUS channel_id:" + channelId + " queue_length:" + queueLength + " xon_level:" + MediaPlayout.XON_LEVEL
                + " xoff_level:" + MediaPlayout.XOFF_LEVEL + " queue_full:" + queueFull + " bulk_media:" + bulkMedia
                + " media_paused:" + paused;
    }

    /** Asterisk's error texts end in a newline. */
    String error(String text) {
        return json
                ? event("ERROR").put("error_text", text).encode()
                : "ERROR channel_id:" + channelId + " error_text:" + text;
    }

    private String correlated(String name, String correlationId) {
        return json
                ? event(name).put("correlation_id", correlationId).encode()
                : name + " " + correlationId;
    }

    private JsonObject event(String name) {
        return new JsonObject().put("event", name).put("channel_id", channelId);
    }
}
