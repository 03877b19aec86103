package org.patchbay.core.events.sink;

import org.patchbay.core.events.EventType;

/** One event type a subscription selects, at the schema version its sink wants the data in. */
public record SubscribedType(String type, int schemaVersion) {

    public boolean matches(EventType eventType) {
        return type.equals(eventType.name()) && schemaVersion == eventType.schemaVersion();
    }
}
