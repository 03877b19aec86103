package org.patchbay.server.api.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.events.EventCatalog;
import org.patchbay.core.events.EventDescription;
import org.patchbay.core.events.sink.SubscribedType;
import org.patchbay.core.json.Json;
import org.patchbay.server.api.http.Params;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code Types} of a subscription as Twilio's helper libraries send them: one parameter per type, each a
 * JSON object {@code {"type": "…", "schema_version": 1}} (the version may be left out for the latest); a bare type
 * name is read as that type at its latest version. Every type must be in the catalog at that version.
 */
final class SubscribedTypes {
    private final EventCatalog catalog;

    SubscribedTypes(EventCatalog catalog) {
        this.catalog = catalog;
    }

    /** At least one type; a type given twice counts once, at the version given last. */
    List<SubscribedType> read(List<String> values) {
        if (values.isEmpty()) {
            throw SinkRoutes.missing("Types");
        }
        Map<String, SubscribedType> types = new LinkedHashMap<>();
        for (String value : values) {
            SubscribedType type = read(value.trim());
            types.put(type.type(), type);
        }
        return List.copyOf(types.values());
    }

    /** {@code type} at {@code version}, or at its latest when version is null. */
    SubscribedType known(String type, Integer version) {
        EventDescription description = catalog.type(type).orElseThrow(() -> Params.invalid("Types: '"
                + Params.shorten(type) + "' is not an event type Patchbay publishes (GET /v1/Types lists them)"));
        int schemaVersion = version == null ? description.type().schemaVersion() : version;
        if (catalog.schema(description.schemaId(), schemaVersion).isEmpty()) {
            throw Params.invalid("Types: " + type + " has no schema version " + schemaVersion
                    + " (GET /v1/Schemas/" + description.schemaId() + "/Versions lists them)");
        }
        return new SubscribedType(type, schemaVersion);
    }

    private SubscribedType read(String value) {
        if (!value.startsWith("{")) {
            return known(value, null);
        }
        JsonNode object;
        try {
            object = Json.MAPPER.readTree(value);
        } catch (Exception e) {
            throw invalidEntry(value);
        }
        JsonNode type = object.get("type");
        JsonNode version = object.get("schema_version");
        if (type == null || !type.isTextual() || version != null && !version.isNull() && !version.canConvertToInt()) {
            throw invalidEntry(value);
        }
        return known(type.asText(), version == null || version.isNull() ? null : version.asInt());
    }

    private static PatchbayException invalidEntry(String value) {
        return Params.invalid("Types: each entry must be a JSON object such as {\"type\":"
                + "\"com.twilio.voice.status-callback.call.answered\",\"schema_version\":1}, not '" + Params.shorten(value) + "'");
    }
}
