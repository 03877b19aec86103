package org.patchbay.core.events;

import java.util.Map;

/** One version of an event data schema: a JSON Schema document, as JSON-ready maps and lists. */
public record EventSchema(String id, int version, Map<String, Object> document) {

    public EventSchema {
        document = Map.copyOf(document);
    }

    /** Where the API describes this version, relative to Patchbay's base URL. */
    public String path() {
        return "/v1/Schemas/" + id + "/Versions/" + version;
    }

    /** Where the API serves the JSON Schema document itself: the CloudEvents {@code dataschema} (Twilio's {@code raw}). */
    public String rawPath() {
        return path() + "/Raw";
    }
}
