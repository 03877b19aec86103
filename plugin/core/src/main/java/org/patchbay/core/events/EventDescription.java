package org.patchbay.core.events;

import java.util.Objects;

/**
 * What the catalog says about one event type: its data follows schema {@code schemaId} at the type's schema
 * version (several types may share a schema, as Twilio's status callback events do).
 *
 * @param description what the event is
 * @param when        when Patchbay publishes it
 */
public record EventDescription(EventType type, String schemaId, String description, String when) {

    public EventDescription {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(schemaId, "schemaId");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(when, "when");
    }

    /** A type with a schema of its own, named like the type. */
    public static EventDescription of(EventType type, String description, String when) {
        return new EventDescription(type, type.name(), description, when);
    }
}
