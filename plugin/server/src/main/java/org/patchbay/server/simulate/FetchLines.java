package org.patchbay.server.simulate;

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
    static final String PARAM = "param.";
    private static final List<String> IDENTITY = List.of("CallSid", "From", "To");
    private static final Set<String> EVERY_REQUEST = Set.of("AccountSid", "ApiVersion", "CallSid", "Called", "Caller",
            "Direction", "From", "To", "CallerName", "ForwardedFrom", "ParentCallSid", "CallStatus");

    private FetchLines() {
    }

    static List<Line> of(Map<String, String> details, boolean first) {
        Map<String, String> params = params(details);
        boolean fallback = params.containsKey("ErrorUrl");
        String status = details.get("status");
        String errorCode = details.get("errorCode");
        String text = "->  " + details.get("method") + " " + details.get("url") + (fallback ? "  [fallback]" : "")
                + "  (" + shownParams(params, first) + ")  " + (status == null ? "no response" : status);
        List<Line> lines = new ArrayList<>();
        lines.add(Line.of("fetch", text).with("method", details.get("method")).with("url", details.get("url"))
                .with("fallback", fallback).with("params", params).with("status", status == null ? null : Integer.valueOf(status))
                .with("errorCode", errorCode == null ? null : Integer.valueOf(errorCode)));
        if (errorCode != null) {
            lines.add(Line.of("error", "!!  fetch failed: " + errorCode + " " + details.get("error"))
                    .with("errorCode", Integer.valueOf(errorCode)).with("error", details.get("error"))
                    .with("url", details.get("url")));
        }
        return lines;
    }

    /** By name: the event's details come in no particular order, and a transcript should read the same every run. */
    static Map<String, String> params(Map<String, String> details) {
        Map<String, String> params = new TreeMap<>();
        details.forEach((name, value) -> {
            if (name.startsWith(PARAM)) {
                params.put(name.substring(PARAM.length()), value);
            }
        });
        return params;
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
