package org.patchbay.asterisk.sim;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One recording of a real Asterisk from {@code ari-captures/}: requests, responses and events in order. */
final class CaptureFile {

    /** One line; {@code index} is its position in the file, {@code json} the whole line. */
    record Line(int index, long t, String dir, String actor, String app, String method, String path, Object body,
                Integer status, String contentType, Long contentLength, JsonObject json) {

        boolean isRequest() {
            return "request".equals(dir);
        }

        boolean isVoiceEvent() {
            return "event".equals(dir) && "voice".equals(app);
        }

        JsonObject event() {
            return (JsonObject) body;
        }

        /** The app opening ({@code media-open}) or closing ({@code media-close}) an external media socket. */
        boolean isAppMediaAction() {
            return "media-open".equals(dir) || ("media-close".equals(dir) && "app".equals(json.getString("from")));
        }
    }

    /** A request with the response the real Asterisk gave it. */
    record Exchange(Line request, Line response) {
    }

    final String name;
    final List<Line> lines;

    private CaptureFile(String name, List<Line> lines) {
        this.name = name;
        this.lines = lines;
    }

    static CaptureFile load(String name) throws IOException {
        return load(name, Map.of());
    }

    /** Loads a capture with some text replaced, e.g. the port of the media server it used. */
    static CaptureFile load(String name, Map<String, String> replacements) throws IOException {
        try (InputStream in = CaptureFile.class.getResourceAsStream("/ari-captures/" + name)) {
            if (in == null) {
                throw new IOException("no capture " + name);
            }
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> replacement : replacements.entrySet()) {
                all = all.replace(replacement.getKey(), replacement.getValue());
            }
            List<Line> lines = new ArrayList<>();
            for (String text : all.split("\n")) {
                if (!text.isBlank()) {
                    lines.add(parse(lines.size(), new JsonObject(text)));
                }
            }
            return new CaptureFile(name, lines);
        }
    }

    List<Exchange> exchanges() {
        List<Exchange> out = new ArrayList<>();
        for (Line line : lines) {
            if (!line.isRequest()) {
                continue;
            }
            Line response = lines.stream()
                    .filter(candidate -> candidate.index() > line.index() && "response".equals(candidate.dir())
                            && line.actor().equals(candidate.actor()) && line.method().equals(candidate.method())
                            && line.path().equals(candidate.path()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no response for line " + line.index()));
            out.add(new Exchange(line, response));
        }
        return out;
    }

    private static Line parse(int index, JsonObject json) {
        Long length = json.getLong("contentLength");
        return new Line(index, json.getLong("t"), json.getString("dir"), json.getString("actor"),
                json.getString("app"), json.getString("method"), json.getString("path"), json.getValue("body"),
                json.getInteger("status"), json.getString("contentType"), length, json);
    }
}
