package org.patchbay.server.dashboard;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One open dashboard: a server-sent events response. Changes are gathered and written together a few
 * times a second, so a busy platform costs one write per flush, not one per event.
 */
final class BoardStream {
    final Scope scope;
    private final HttpServerResponse response;
    /** The newest state of each call changed since the last flush. */
    private Map<String, JsonObject> calls = new LinkedHashMap<>();
    /** Notifications and limit rejections since the last flush, by list name. */
    private Map<String, JsonArray> listed = new LinkedHashMap<>();

    BoardStream(Scope scope, HttpServerResponse response) {
        this.scope = scope;
        this.response = response;
    }

    void call(JsonObject call) {
        calls.put(call.getString("sid"), call);
    }

    void listed(String list, JsonObject entry) {
        listed.computeIfAbsent(list, name -> new JsonArray()).add(entry);
    }

    void send(String event, JsonObject data) {
        response.write("event: " + event + "\ndata: " + data.encode() + "\n\n");
    }

    /** Writes what changed since the last flush, if anything did. */
    void flush() {
        if (calls.isEmpty() && listed.isEmpty()) {
            return;
        }
        JsonObject changes = new JsonObject().put("calls", new JsonArray(new ArrayList<>(calls.values())));
        listed.forEach(changes::put);
        send("changes", changes);
        calls = new LinkedHashMap<>();
        listed = new LinkedHashMap<>();
    }

    /** Whether the viewer is too far behind to keep up: it is dropped and reconnects to a fresh snapshot. */
    boolean choked() {
        return response.writeQueueFull();
    }

    void close() {
        response.end();
    }
}
