package org.patchbay.server.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Twilio's own OpenAPI descriptions of the 2010-04-01 API and of Event Streams (v1) (copied into the
 * test resources), turned into JSON Schema 2020-12 for vertx-json-schema: {@code $ref}s are inlined,
 * OpenAPI 3.0's {@code nullable} becomes a {@code null} type, the RFC 2822 date format becomes a
 * pattern, and every object must hold exactly the properties Twilio declares: a missing, misnamed or
 * extra field fails. The only extra fields allowed are Patchbay's documented {@link #EXTENSIONS}.
 */
final class TwilioSchemas {
    static final String RESOURCE = "/twilio-openapi/twilio_api_v2010.json";
    static final String EVENTS_RESOURCE = "/twilio-openapi/twilio_events_v1.json";
    /** Fields Patchbay adds to a Twilio schema (described in its own OpenAPI fragment), by Twilio schema name. */
    static final Map<String, List<String>> EXTENSIONS = Map.of(
            "events.v1.subscription", List.of("filters", "batching"),
            "events.v1.event_type", List.of("when"));
    /**
     * Enums Twilio's own description says are null at times though the schema does not mark them nullable
     * ("When a conference is in progress, will be null"): they are checked as nullable.
     */
    static final List<String> NULL_WHEN_UNSET = List.of("conference_enum_reason_conference_ended");
    private static final String RFC_2822 = "^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-3][0-9] "
            + "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} [0-2][0-9]:[0-5][0-9]:[0-5][0-9] \\+0000$";

    private record Operation(Pattern path, JsonObject item) {
    }

    private final JsonObject spec;
    private final List<Operation> operations = new ArrayList<>();

    private TwilioSchemas(JsonObject spec) {
        this.spec = spec;
        for (Map.Entry<String, Object> path : spec.getJsonObject("paths")) {
            // v1 path parameters may hold dots (event type names), as Patchbay's router allows
            String segment = path.getKey().startsWith("/v1/") ? "[^/]+" : "[^/.]+";
            String regex = Pattern.quote(path.getKey()).replaceAll("\\{[A-Za-z]+}", "\\\\E" + segment + "\\\\Q");
            operations.add(new Operation(Pattern.compile(regex), (JsonObject) path.getValue()));
        }
    }

    /** Both descriptions as one: their paths and schema names do not overlap. */
    static TwilioSchemas load() {
        JsonObject spec = new JsonObject(read(RESOURCE));
        JsonObject events = new JsonObject(read(EVENTS_RESOURCE));
        events.getJsonObject("paths").forEach(path -> spec.getJsonObject("paths").put(path.getKey(), path.getValue()));
        JsonObject schemas = spec.getJsonObject("components").getJsonObject("schemas");
        events.getJsonObject("components").getJsonObject("schemas").forEach(schema -> schemas.put(schema.getKey(), schema.getValue()));
        return new TwilioSchemas(spec);
    }

    /** A copy of Twilio's files (MIT licence, source in SOURCE beside them) ships with the tests. */
    private static String read(String resource) {
        try (InputStream in = TwilioSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails the test unless {@code body} is what Twilio documents for this method, path and status. */
    void assertValid(String method, String path, int status, String body) {
        JsonObject schema = responseSchema(method, path, status);
        OutputUnit result = Validator.create(JsonSchema.of(schema),
                        new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri("https://patchbay.test/")
                                .setOutputFormat(OutputFormat.Basic))
                .validate(new JsonObject(body));
        if (!result.getValid()) {
            fail(method + " " + path + " (" + status + ") does not match Twilio's schema: " + result.getErrors() + "\n" + body);
        }
    }

    JsonObject responseSchema(String method, String path, int status) {
        for (Operation op : operations) {
            if (op.path().matcher(path).matches()) {
                JsonObject operation = op.item().getJsonObject(method.toLowerCase());
                JsonObject response = operation == null ? null : operation.getJsonObject("responses").getJsonObject(String.valueOf(status));
                if (response == null || response.getJsonObject("content") == null) {
                    throw new AssertionError("Twilio documents no " + status + " body for " + method + " " + path);
                }
                return convert(response.getJsonObject("content").getJsonObject("application/json").getJsonObject("schema"));
            }
        }
        throw new AssertionError("Twilio documents no path like " + path);
    }

    private JsonObject convert(JsonObject node) {
        if (node.containsKey("$ref")) {
            String name = node.getString("$ref").substring("#/components/schemas/".length());
            JsonObject converted = convert(spec.getJsonObject("components").getJsonObject("schemas").getJsonObject(name));
            EXTENSIONS.getOrDefault(name, List.of()).forEach(field -> converted.getJsonObject("properties").put(field, new JsonObject()));
            return converted;
        }
        JsonObject out = new JsonObject();
        for (Map.Entry<String, Object> e : node) {
            String key = e.getKey();
            if (key.startsWith("x-") || key.equals("description") || key.equals("nullable") || key.equals("format")
                    || key.equals("title") || key.equals("examples")) {
                continue;
            }
            Object value = e.getValue();
            if (key.equals("properties")) {
                JsonObject properties = new JsonObject();
                ((JsonObject) value).forEach(p -> properties.put(p.getKey(), convert((JsonObject) p.getValue())));
                out.put(key, properties);
            } else if (key.equals("items")) {
                out.put(key, convert((JsonObject) value));
            } else {
                out.put(key, value);
            }
        }
        if ("date-time-rfc-2822".equals(node.getString("format"))) {
            out.put("pattern", RFC_2822);
        } else if ("uri".equals(node.getString("format"))) {
            out.put("format", "uri-reference");
        }
        if (out.containsKey("properties")) {
            out.put("additionalProperties", false);
            out.put("required", new JsonArray(new ArrayList<>(out.getJsonObject("properties").fieldNames())));
        }
        if (Boolean.TRUE.equals(node.getBoolean("nullable")) || NULL_WHEN_UNSET.stream().anyMatch(name ->
                node.equals(spec.getJsonObject("components").getJsonObject("schemas").getJsonObject(name)))) {
            if (out.getValue("type") instanceof String type) {
                out.put("type", new JsonArray().add(type).add("null"));
            }
            if (out.containsKey("enum")) {
                out.put("enum", out.getJsonArray("enum").copy().addNull());
            }
        }
        return out;
    }
}
