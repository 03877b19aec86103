package org.patchbay.asterisk.sim.ari;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.patchbay.asterisk.sim.engine.AriError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ARI request parameters: the query string (a repeated parameter counts once, the last value wins, as in
 * Asterisk) overlaid by the fields of a JSON body, which Asterisk accepts for every parameter.
 */
final class AriParams {
    private final RoutingContext context;
    private final JsonObject body;

    private AriParams(RoutingContext context, JsonObject body) {
        this.context = context;
        this.body = body;
    }

    static AriParams of(RoutingContext context) {
        String text = context.body() == null ? null : context.body().asString();
        if (text == null || text.isBlank()) {
            return new AriParams(context, new JsonObject());
        }
        try {
            return new AriParams(context, new JsonObject(text));
        } catch (DecodeException | ClassCastException notJson) {
            throw AriError.of(400, "Error parsing request body");
        }
    }

    /** The {@code Host} the client addressed, for documents that name their own base URL. */
    String host() {
        String host = context.request().getHeader("Host");
        return host == null ? "localhost" : host;
    }

    /** The JSON body as a whole (empty when none was sent), for the parameters that are the body itself. */
    JsonObject body() {
        return body.copy();
    }

    String path(String name) {
        return context.pathParam(name);
    }

    String string(String name) {
        Object fromBody = body.getValue(name);
        if (fromBody != null && !(fromBody instanceof JsonObject) && !(fromBody instanceof JsonArray)) {
            return String.valueOf(fromBody);
        }
        List<String> values = context.queryParam(name);
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }

    Integer integer(String name) {
        String value = string(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException notANumber) {
            throw AriError.of(400, name + " must be an integer");
        }
    }

    int integer(String name, int fallback) {
        Integer value = integer(name);
        return value == null ? fallback : value;
    }

    Long longValue(String name) {
        Integer value = integer(name);
        return value == null ? null : value.longValue();
    }

    boolean bool(String name, boolean fallback) {
        String value = string(name);
        return value == null || value.isEmpty() ? fallback : Boolean.parseBoolean(value.trim());
    }

    /** A comma-separated list, or a JSON array in the body. */
    List<String> list(String name) {
        Object fromBody = body.getValue(name);
        List<String> out = new ArrayList<>();
        if (fromBody instanceof JsonArray array) {
            array.forEach(item -> out.add(String.valueOf(item)));
            return out;
        }
        String value = string(name);
        if (value != null) {
            for (String item : value.split(",")) {
                if (!item.isEmpty()) {
                    out.add(item);
                }
            }
        }
        return out;
    }

    /** The body's {@code variables} object, Asterisk's way of setting channel variables on originate. */
    Map<String, String> variables() {
        Object value = body.getValue("variables");
        if (value != null && !(value instanceof JsonObject)) {
            throw AriError.of(400, "variables must be an object");
        }
        JsonObject variables = (JsonObject) value;
        Map<String, String> out = new LinkedHashMap<>();
        if (variables != null) {
            variables.forEach(entry -> out.put(entry.getKey(), String.valueOf(entry.getValue())));
        }
        return out;
    }
}
