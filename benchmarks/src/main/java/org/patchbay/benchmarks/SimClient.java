package org.patchbay.benchmarks;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;

/** The simulated Asterisk's control API ({@code /sim}): plays the callers and reports what happened. */
final class SimClient {

    /** When a channel entered Stasis and when Patchbay first asked to play to it (real microseconds). */
    record Timing(long stasisStartMicros, Long firstPlayMicros) {
    }

    private final LocalHttp http;
    private final int port;

    SimClient(LocalHttp http, int port) {
        this.http = http;
        this.port = port;
    }

    /** A caller dials {@code to}; completes with the id of the channel that enters Stasis. */
    Future<String> placeCall(String from, String to) {
        JsonObject body = new JsonObject().put("from", from).put("to", to).put("callerName", "Bench");
        return http.postJson(port, "/sim/calls", body).map(reply -> {
            if (reply.status() != 201) {
                throw new IllegalStateException("POST /sim/calls answered " + reply.status() + " " + reply.body());
            }
            return reply.json().getString("channelId");
        });
    }

    Future<Void> hangUp(String channelId) {
        return expect(204, HttpMethod.POST, "/sim/calls/" + channelId + "/hangup");
    }

    Future<JsonArray> heard(String channelId) {
        return http.get(port, "/sim/calls/" + channelId + "/heard", null).map(reply -> {
            if (reply.status() != 200) {
                throw new IllegalStateException("heard of " + channelId + " answered " + reply.status());
            }
            return reply.jsonArray();
        });
    }

    Future<Integer> liveChannels() {
        return http.get(port, "/sim/state", null).map(reply -> reply.json().getJsonArray("channels").size());
    }

    Future<Map<String, Timing>> timings() {
        return http.get(port, "/sim/timings", null).map(reply -> {
            Map<String, Timing> out = new HashMap<>();
            for (Object item : reply.jsonArray()) {
                JsonObject timing = (JsonObject) item;
                out.put(timing.getString("channelId"),
                        new Timing(timing.getLong("stasisStartMicros"), timing.getLong("firstPlayMicros")));
            }
            return out;
        });
    }

    Future<Void> clearTimings() {
        return expect(204, HttpMethod.DELETE, "/sim/timings");
    }

    private Future<Void> expect(int status, HttpMethod method, String uri) {
        return http.send(method, port, uri, null, null).map(reply -> {
            if (reply.status() != status) {
                throw new IllegalStateException(method + " " + uri + " answered " + reply.status() + " " + reply.body());
            }
            return null;
        });
    }
}
