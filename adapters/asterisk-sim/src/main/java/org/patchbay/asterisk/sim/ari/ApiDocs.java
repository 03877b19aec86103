package org.patchbay.asterisk.sim.ari;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asterisk 22's ARI swagger descriptions, served at {@code /ari/api-docs/*.json}; ari4java reads the
 * {@code apiVersion} of {@code resources.json} to pick its ARI version.
 */
public final class ApiDocs {
    private static final List<String> NAMES = List.of("resources", "applications", "asterisk", "bridges", "channels",
            "deviceStates", "endpoints", "events", "mailboxes", "playbacks", "recordings", "sounds");
    private static final String CAPTURED_BASE_PATH = "http://localhost:8088/ari";

    private final Map<String, String> documents;

    private ApiDocs(Map<String, String> documents) {
        this.documents = documents;
    }

    /** Reads the documents off the classpath on a worker thread. */
    public static Future<ApiDocs> load(Vertx vertx) {
        return vertx.executeBlocking(() -> {
            Map<String, String> documents = new HashMap<>();
            for (String name : NAMES) {
                documents.put(name, read("ari-api-docs/" + name + ".json"));
            }
            return new ApiDocs(documents);
        });
    }

    /** The document with its {@code basePath} pointing at the host the client used, as Asterisk does. */
    Optional<String> document(String name, String host) {
        String text = documents.get(name);
        return Optional.ofNullable(text).map(doc -> doc.replace(CAPTURED_BASE_PATH, "http://" + host + "/ari"));
    }

    private static String read(String resource) {
        try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
