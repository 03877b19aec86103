package org.patchbay.asterisk.sim.engine;

import io.vertx.core.json.JsonObject;

/** A caller or connected-line party as ARI shows it. */
public record CallerId(String name, String number) {
    public static final CallerId EMPTY = new CallerId("", "");

    /** Parses {@code "Alice" <+15551234567>}, {@code Alice <100>} or a bare number, as Asterisk's callerId parameter. */
    public static CallerId parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        String trimmed = text.trim();
        int open = trimmed.lastIndexOf('<');
        int close = trimmed.lastIndexOf('>');
        if (open < 0 || close < open) {
            return new CallerId("", trimmed);
        }
        String name = trimmed.substring(0, open).trim();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        }
        return new CallerId(name, trimmed.substring(open + 1, close).trim());
    }

    JsonObject toJson() {
        return new JsonObject().put("name", name).put("number", number);
    }
}
