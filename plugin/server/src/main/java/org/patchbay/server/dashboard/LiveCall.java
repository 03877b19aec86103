package org.patchbay.server.dashboard;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.patchbay.core.events.RoutedEvent;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;

/**
 * One call as the dashboard knows it from its events: who, where, what it is doing now, and its
 * timeline (fetches, verbs, status changes, errors), the newest {@link #TIMELINE_LIMIT} entries.
 */
final class LiveCall {
    static final int TIMELINE_LIMIT = 200;

    final String sid;
    final String accountSid;
    private String from;
    private String to;
    private String direction;
    private String node;
    private String status = "queued";
    private String verb = "";
    private final Instant seen;
    private Instant answered;
    private Instant ended;
    private final ArrayDeque<JsonObject> timeline = new ArrayDeque<>();

    LiveCall(String sid, String accountSid, Instant seen) {
        this.sid = sid;
        this.accountSid = accountSid;
        this.seen = seen;
    }

    /** Takes in one of the call's events; returns whether it was the call's end. */
    boolean apply(RoutedEvent event, String summary) {
        node = event.source();
        Map<String, Object> data = event.data();
        Object params = data.get("parameters");
        Map<?, ?> fields = params instanceof Map<?, ?> map ? map : data;
        from = text(fields.get("From"), from);
        to = text(fields.get("To"), to);
        direction = text(fields.get("Direction"), direction);
        String name = event.type().name();
        if (name.startsWith(BoardEvents.STATUS_PREFIX)) {
            status = text(data.get("CallStatus"), status);
            String progress = name.substring(BoardEvents.STATUS_PREFIX.length());
            if (progress.equals("answered")) {
                answered = event.time();
            } else if (progress.equals("completed")) {
                ended = event.time();
                verb = "";
            }
        } else if (name.equals(BoardEvents.VERB)) {
            verb = text(data.get("verb"), verb);
        }
        timeline.addLast(new JsonObject().put("time", event.time().toString()).put("type", name).put("summary", summary));
        if (timeline.size() > TIMELINE_LIMIT) {
            timeline.removeFirst();
        }
        return ended != null;
    }

    boolean ended() {
        return ended != null;
    }

    String status() {
        return status;
    }

    private static String text(Object value, String otherwise) {
        return value == null || value.toString().isEmpty() ? otherwise : value.toString();
    }

    JsonObject json() {
        return new JsonObject().put("sid", sid).put("accountSid", accountSid).put("from", from).put("to", to)
                .put("direction", direction).put("node", node).put("status", status).put("verb", verb)
                .put("seen", seen.toEpochMilli())
                .put("answered", answered == null ? null : answered.toEpochMilli())
                .put("ended", ended == null ? null : ended.toEpochMilli());
    }

    JsonObject withTimeline() {
        return new JsonObject().put("call", json()).put("timeline", new JsonArray(new java.util.ArrayList<>(timeline)));
    }
}
