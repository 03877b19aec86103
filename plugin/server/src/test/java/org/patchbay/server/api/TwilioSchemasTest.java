package org.patchbay.server.api;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema check itself: it must catch the mistakes it is there to catch. */
class TwilioSchemasTest {
    private static final String PATH = "/2010-04-01/Accounts/AC00000000000000000000000000000001/Keys/SK00000000000000000000000000000001.json";
    private static TwilioSchemas schemas;

    @BeforeAll
    static void load() {
        schemas = TwilioSchemas.load();
    }

    private static JsonObject key() {
        return new JsonObject().put("sid", "SK00000000000000000000000000000001").put("friendly_name", null)
                .put("date_created", "Tue, 24 Nov 2026 10:00:00 +0000").put("date_updated", "Tue, 24 Nov 2026 10:00:00 +0000");
    }

    /** An extra field the check lets through must be one Patchbay's own description documents. */
    @Test
    void patchbaysExtensionFieldsAreDescribedInItsEventsFragment() throws Exception {
        JsonObject fragment;
        try (InputStream in = TwilioSchemasTest.class.getResourceAsStream("/org/patchbay/server/api/openapi/events.json")) {
            fragment = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        JsonObject described = fragment.getJsonObject("components").getJsonObject("schemas");
        TwilioSchemas.EXTENSIONS.forEach((schema, fields) -> fields.forEach(field -> assertTrue(
                described.getJsonObject(schema).getJsonObject("properties").containsKey(field), schema + "." + field)));
    }

    @Test
    void acceptsAWellFormedKey() {
        assertDoesNotThrow(() -> schemas.assertValid("GET", PATH, 200, key().encode()));
    }

    @Test
    void rejectsAnUndeclaredField() {
        assertThrows(AssertionFailedError.class, () -> schemas.assertValid("GET", PATH, 200, key().put("secret", "x").encode()));
    }

    @Test
    void rejectsAMissingField() {
        JsonObject key = key();
        key.remove("friendly_name");
        assertThrows(AssertionFailedError.class, () -> schemas.assertValid("GET", PATH, 200, key.encode()));
    }

    @Test
    void rejectsADateThatIsNotRfc2822() {
        assertThrows(AssertionFailedError.class, () ->
                schemas.assertValid("GET", PATH, 200, key().put("date_created", "2026-11-24T10:00:00Z").encode()));
    }

    @Test
    void rejectsAMalformedSidAndAWrongType() {
        assertThrows(AssertionFailedError.class, () -> schemas.assertValid("GET", PATH, 200, key().put("sid", "SK1").encode()));
        assertThrows(AssertionFailedError.class, () -> schemas.assertValid("GET", PATH, 200, key().put("friendly_name", 7).encode()));
    }
}
