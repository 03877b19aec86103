package org.patchbay.server.simulate;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What happened in one simulated call, in order, and whether the app worked.
 *
 * @param callSid null when Patchbay never took the call
 * @param status  the call's last status (null when Patchbay never took it)
 */
record Transcript(String callSid, String from, String to, String status, List<Line> lines, Verdict verdict) {

    int exitCode() {
        return verdict.exitCode();
    }

    /** The reason the simulation failed, or null when it succeeded. */
    String failure() {
        return verdict.reason();
    }

    String toText() {
        return lines.stream().map(Line::text).collect(Collectors.joining(System.lineSeparator()));
    }

    JsonObject toJson() {
        return new JsonObject()
                .put("callSid", callSid)
                .put("from", from)
                .put("to", to)
                .put("status", status)
                .put("ok", verdict.succeeded())
                .put("exitCode", verdict.exitCode())
                .put("reason", verdict.reason())
                .put("transcript", new JsonArray(lines.stream().map(Line::toJson).toList()));
    }
}
