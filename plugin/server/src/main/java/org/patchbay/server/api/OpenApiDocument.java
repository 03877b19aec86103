package org.patchbay.server.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Patchbay's OpenAPI description: the main file plus one fragment per later API noun (its paths and
 * component schemas), so each noun keeps its description beside its routes instead of in one large file.
 */
final class OpenApiDocument {
    /** Fragments beside the main file, each an OpenAPI document holding only {@code paths} and {@code components}. */
    static final List<String> FRAGMENTS = List.of("limits.json", "events.json", "usage.json", "presence.json",
            "conferences.json", "participants.json", "queues.json", "members.json", "outbound.json", "streams.json");
    private static final String FOLDER = "org/patchbay/server/api/openapi/";

    private OpenApiDocument() {
    }

    static Future<Buffer> read(Vertx vertx, String mainResource) {
        List<Future<Buffer>> parts = new ArrayList<>();
        parts.add(vertx.fileSystem().readFile(mainResource));
        FRAGMENTS.forEach(name -> parts.add(vertx.fileSystem().readFile(FOLDER + name)));
        return Future.all(parts).map(all -> {
            JsonObject document = new JsonObject(parts.get(0).result());
            for (int i = 1; i < parts.size(); i++) {
                merge(document, new JsonObject(parts.get(i).result()));
            }
            return document.toBuffer();
        });
    }

    private static void merge(JsonObject into, JsonObject fragment) {
        fragment.getJsonObject("paths", new JsonObject()).forEach(path -> into.getJsonObject("paths").put(path.getKey(), path.getValue()));
        JsonObject components = fragment.getJsonObject("components", new JsonObject());
        for (String section : components.fieldNames()) {
            JsonObject target = into.getJsonObject("components").getJsonObject(section);
            if (target == null) {
                target = new JsonObject();
                into.getJsonObject("components").put(section, target);
            }
            JsonObject merged = target;
            components.getJsonObject(section).forEach(entry -> merged.put(entry.getKey(), entry.getValue()));
        }
    }
}
