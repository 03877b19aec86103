package org.patchbay.core.call.stream;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages of Twilio's Media Streams protocol that Patchbay sends, with Twilio's field names and types:
 * {@code sequenceNumber}, {@code chunk} and {@code timestamp} are strings, counting from 1 (the first message,
 * {@code connected}, carries no sequence number); {@code chunk} counts each track's frames apart. One instance per
 * stream: it holds the counters.
 */
final class TwilioStreamMessages {
    private final String streamSid;
    private final String accountSid;
    private final String callSid;
    private long sequence;
    private final Map<String, Long> chunks = new HashMap<>(2);

    TwilioStreamMessages(String streamSid, String accountSid, String callSid) {
        this.streamSid = streamSid;
        this.accountSid = accountSid;
        this.callSid = callSid;
    }

    String connected() {
        return new JsonObject().put("event", "connected").put("protocol", "Call").put("version", "1.0.0").encode();
    }

    String start(Map<String, String> customParameters) {
        return start(List.of("inbound"), customParameters);
    }

    /** @param tracks {@code inbound} and/or {@code outbound}, as Twilio names them in {@code start} */
    String start(List<String> tracks, Map<String, String> customParameters) {
        JsonObject parameters = new JsonObject();
        customParameters.forEach(parameters::put);
        JsonObject start = new JsonObject()
                .put("accountSid", accountSid)
                .put("streamSid", streamSid)
                .put("callSid", callSid)
                .put("tracks", new JsonArray(List.copyOf(tracks)))
                .put("mediaFormat", new JsonObject().put("encoding", "audio/x-mulaw").put("sampleRate", 8000)
                        .put("channels", 1))
                .put("customParameters", parameters);
        return head("start").put("start", start).put("streamSid", streamSid).encode();
    }

    /** @param timestampMillis milliseconds since the stream started, when the frame arrived */
    String media(byte[] ulaw, long timestampMillis) {
        return media("inbound", ulaw, timestampMillis);
    }

    String media(String track, byte[] ulaw, long timestampMillis) {
        long chunk = chunks.merge(track, 1L, Long::sum);
        JsonObject media = new JsonObject().put("track", track).put("chunk", Long.toString(chunk))
                .put("timestamp", Long.toString(timestampMillis))
                .put("payload", Base64.getEncoder().encodeToString(ulaw));
        return head("media").put("media", media).put("streamSid", streamSid).encode();
    }

    String dtmf(char digit) {
        return head("dtmf").put("streamSid", streamSid)
                .put("dtmf", new JsonObject().put("track", "inbound_track").put("digit", String.valueOf(digit))).encode();
    }

    String mark(String name) {
        return head("mark").put("streamSid", streamSid).put("mark", new JsonObject().put("name", name)).encode();
    }

    String stop() {
        return head("stop").put("streamSid", streamSid)
                .put("stop", new JsonObject().put("accountSid", accountSid).put("callSid", callSid)).encode();
    }

    private JsonObject head(String event) {
        return new JsonObject().put("event", event).put("sequenceNumber", Long.toString(++sequence));
    }
}
