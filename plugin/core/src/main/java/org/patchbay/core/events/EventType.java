package org.patchbay.core.events;

/**
 * A kind of event: its stable name (Twilio's where Twilio's Event Streams has the same event, else
 * {@code io.patchbay.…}) and the version of its data's schema, raised whenever the data changes shape.
 */
public record EventType(String name, int schemaVersion) {

    public EventType {
        if (name == null || name.isBlank() || schemaVersion < 1) {
            throw new IllegalArgumentException("an event type needs a name and a schema version from 1");
        }
    }

    public static EventType of(String name) {
        return new EventType(name, 1);
    }
}
