package org.patchbay.server.simulate;

import org.patchbay.core.events.InstructionFetched;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Tells one instruction request: what was asked with which parameters and what came back, and on a
 * failure the Twilio error code. The parameters every request carries are shown on the first only.
 */
final class FetchLines {
    private static final List<String> IDENTITY = List.of("CallSid", "From", "To");
    private static final Set<String> EVERY_REQUEST = Set.of("AccountSid", "ApiVersion", "CallSid", "Called", "Caller",
            "Direction", "From", "To", "CallerName", "ForwardedFrom", "ParentCallSid", "CallStatus");

    private FetchLines() {
    }

    static List<Line> of(InstructionFetched fetch, boolean first) {
        Map<String, String> params = new TreeMap<>(fetch.parameters());
        boolean fallback = params.containsKey("ErrorUrl");
        Integer status = fetch.httpStatus();
        String text = "->  " + fetch.method() + " " + fetch.url() + (fallback ? "  [fallback]" : "")
                + "  (" + shownParams(params, first) + ")  " + (status == null ? "no response" : status);
        List<Line> lines = new ArrayList<>();
        lines.add(Line.of("fetch", text).with("method", fetch.method()).with("url", fetch.url())
                .with("fallback", fallback).with("params", params).with("status", status)
                .with("errorCode", fetch.errorCode()));
        if (fetch.failed()) {
            lines.add(Line.of("error", "!!  fetch failed: " + fetch.errorCode() + " " + fetch.error())
                    .with("errorCode", fetch.errorCode()).with("error", fetch.error())
                    .with("url", fetch.url()));
        }
        return lines;
    }

    private static String shownParams(Map<String, String> params, boolean first) {
        StringJoiner shown = new StringJoiner(", ");
        if (first) {
            IDENTITY.forEach(name -> shown.add(name + "=" + params.getOrDefault(name, "")));
        }
        params.forEach((name, value) -> {
            if (!EVERY_REQUEST.contains(name)) {
                shown.add(name + "=" + value);
            }
        });
        return shown.add("CallStatus=" + params.getOrDefault("CallStatus", "")).toString();
    }
}
