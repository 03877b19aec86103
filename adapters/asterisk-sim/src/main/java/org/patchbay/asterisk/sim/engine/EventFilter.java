package org.patchbay.asterisk.sim.engine;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * An app's event types filter ({@code PUT /applications/{app}/eventFilter}): an empty allowed list allows every
 * type, and a disallowed type is dropped even when allowed.
 */
record EventFilter(List<String> allowed, List<String> disallowed) {
    static final EventFilter NONE = new EventFilter(List.of(), List.of());

    EventFilter {
        allowed = List.copyOf(allowed);
        disallowed = List.copyOf(disallowed);
    }

    boolean passes(String type) {
        return !disallowed.contains(type) && (allowed.isEmpty() || allowed.contains(type));
    }

    /**
     * The filter after a request body: an empty body empties both lists; a list given replaces that list; a list
     * left out keeps its value. Each entry must be an object with a string {@code type}.
     */
    EventFilter updatedBy(JsonObject body) {
        if (body.isEmpty()) {
            return NONE;
        }
        return new EventFilter(body.containsKey("allowed") ? types(body, "allowed") : allowed,
                body.containsKey("disallowed") ? types(body, "disallowed") : disallowed);
    }

    JsonArray allowedJson() {
        return json(allowed);
    }

    JsonArray disallowedJson() {
        return json(disallowed);
    }

    private static List<String> types(JsonObject body, String list) {
        if (!(body.getValue(list) instanceof JsonArray entries)) {
            throw AriError.badRequest("Invalid event filter");
        }
        List<String> types = new ArrayList<>();
        for (Object entry : entries) {
            if (!(entry instanceof JsonObject object) || !(object.getValue("type") instanceof String type)) {
                throw AriError.badRequest("Invalid event filter");
            }
            types.add(type);
        }
        return types;
    }

    /** In the order given, as Asterisk answers them. */
    private static JsonArray json(List<String> types) {
        JsonArray out = new JsonArray();
        types.forEach(type -> out.add(new JsonObject().put("type", type)));
        return out;
    }
}
