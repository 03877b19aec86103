package org.patchbay.server.simulate;

import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the transcript: its type ({@code fetch}, {@code error}, {@code say}, {@code play},
 * {@code gather}, {@code caller}, ...), the text a person reads, and the same facts for a program.
 */
record Line(String type, String text, Map<String, Object> fields) {

    static Line of(String type, String text) {
        return new Line(type, text, Map.of());
    }

    /** Adds a field; null values are left out so the JSON has no nulls to check for. */
    Line with(String name, Object value) {
        if (value == null) {
            return this;
        }
        Map<String, Object> more = new LinkedHashMap<>(fields);
        more.put(name, value);
        return new Line(type, text, more);
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject().put("type", type);
        fields.forEach((name, value) -> json.put(name, value instanceof Map<?, ?> map ? new JsonObject(asStrings(map)) : value));
        return json.put("text", text);
    }

    private static Map<String, Object> asStrings(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((name, value) -> copy.put(String.valueOf(name), value));
        return copy;
    }
}
