package org.patchbay.server.api;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patchbay.server.api.http.Endpoint;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /openapi.json} describes exactly the routes that are mounted, and holds together as a document. */
class OpenApiIT {
    private static final Set<String> METHODS = Set.of("get", "post", "delete", "put", "patch", "head", "options");
    private static ApiServer server;
    private static JsonObject spec;

    @BeforeAll
    static void fetch() {
        server = ApiServer.start();
        HttpResponse<String> response = server.send("GET", ApiRoutes.OPENAPI_PATH, null, null);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        spec = new JsonObject(response.body());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void describesExactlyTheMountedRoutes() {
        Set<String> described = new TreeSet<>();
        for (Map.Entry<String, Object> path : spec.getJsonObject("paths")) {
            for (String key : ((JsonObject) path.getValue()).fieldNames()) {
                if (METHODS.contains(key)) {
                    described.add(key.toUpperCase() + " " + path.getKey());
                }
            }
        }
        Set<String> mounted = server.api.endpoints().stream()
                .map(e -> e.method().name() + " " + e.template())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(mounted, described);
    }

    @Test
    void isAnOpenApi3DocumentWhoseReferencesResolve() {
        assertTrue(spec.getString("openapi").startsWith("3."));
        List<String> dangling = new ArrayList<>();
        Matcher refs = Pattern.compile("\"\\$ref\":\"#/components/(schemas|responses)/([^\"]+)\"").matcher(spec.encode());
        while (refs.find()) {
            if (spec.getJsonObject("components").getJsonObject(refs.group(1)).getJsonObject(refs.group(2)) == null) {
                dangling.add(refs.group(2));
            }
        }
        assertTrue(dangling.isEmpty(), "unresolved: " + dangling);
    }

    @Test
    void everyOperationDocumentsItsPathParametersAndErrors() {
        for (Endpoint endpoint : server.api.endpoints()) {
            JsonObject operation = spec.getJsonObject("paths").getJsonObject(endpoint.template())
                    .getJsonObject(endpoint.method().name().toLowerCase());
            Set<String> declared = operation.getJsonArray("parameters").stream().map(p -> (JsonObject) p)
                    .filter(p -> "path".equals(p.getString("in"))).map(p -> p.getString("name")).collect(Collectors.toSet());
            Set<String> inTemplate = Pattern.compile("\\{([A-Za-z]+)}").matcher(endpoint.template()).results()
                    .map(m -> m.group(1)).collect(Collectors.toSet());
            assertEquals(inTemplate, declared, endpoint.method() + " " + endpoint.template());
            assertTrue(operation.getJsonObject("responses").containsKey("default"), endpoint.template());
        }
    }
}
