package org.patchbay.core.call;

import io.vertx.core.json.JsonObject;
import org.patchbay.core.call.stream.StreamState;
import org.patchbay.core.node.CallCommand;
import org.patchbay.core.twiml.Stream;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The Streams requests one node hands to the node that runs the call, and the stream it answers, as text fields. */
final class StreamCommands {
    static final String START = "stream-start";
    static final String STOP = "stream-stop";
    static final Set<String> KINDS = Set.of(START, STOP);

    private StreamCommands() {
    }

    static CallCommand start(String accountSid, String callSid, Stream stream) {
        Map<String, String> args = new HashMap<>();
        put(args, "url", stream.url());
        put(args, "name", stream.name());
        put(args, "track", stream.track());
        put(args, "statusCallback", stream.statusCallback());
        put(args, "statusCallbackMethod", stream.statusCallbackMethod());
        // A JSON object keeps the custom parameters in the order the start message lists them.
        args.put("parameters", new JsonObject(new LinkedHashMap<>(stream.parameters())).encode());
        return CallCommand.stream(START, accountSid, callSid, args);
    }

    static CallCommand stop(String accountSid, String callSid, String sidOrName) {
        return CallCommand.stream(STOP, accountSid, callSid, Map.of("stream", sidOrName));
    }

    static Stream stream(CallCommand start) {
        Map<String, String> a = start.args();
        Map<String, String> parameters = new LinkedHashMap<>();
        new JsonObject(a.getOrDefault("parameters", "{}")).forEach(p -> parameters.put(p.getKey(), String.valueOf(p.getValue())));
        return new Stream(a.get("url"), a.get("name"), a.get("track"), a.get("statusCallback"), a.get("statusCallbackMethod"),
                parameters);
    }

    static String sidOrName(CallCommand stop) {
        return stop.args().get("stream");
    }

    static Map<String, String> detail(StreamState state) {
        Map<String, String> detail = new HashMap<>();
        put(detail, "sid", state.sid());
        put(detail, "name", state.name());
        put(detail, "status", state.status());
        put(detail, "dateUpdated", state.dateUpdated() == null ? null : state.dateUpdated().toString());
        return detail;
    }

    static StreamState state(String accountSid, String callSid, Map<String, String> detail) {
        String updated = detail.get("dateUpdated");
        return new StreamState(detail.get("sid"), accountSid, callSid, detail.get("name"), detail.get("status"),
                updated == null ? null : Instant.parse(updated));
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
