package org.patchbay.core.events;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCatalogTest {
    private final EventCatalog catalog = EventCatalog.platform();

    @Test
    void knowsEveryCallEventTypeWithASchema() {
        List<EventType> published = List.of(
                EventType.of(CallStatusChanged.PREFIX + "initiated"), EventType.of(CallStatusChanged.PREFIX + "ringing"),
                EventType.of(CallStatusChanged.PREFIX + "answered"), EventType.of(CallStatusChanged.PREFIX + "completed"),
                CallRedirected.TYPE, InstructionFetched.TYPE, GatherStarted.TYPE, RecordStarted.TYPE);
        for (EventType type : published) {
            EventSchema schema = catalog.schemaOf(type).orElseThrow(() -> new AssertionError("no schema for " + type));
            assertEquals("object", schema.document().get("type"), type.name());
            assertTrue(schema.document().get("properties") instanceof Map<?, ?>, type.name());
        }
    }

    @Test
    void statusCallbackTypesShareTwilioStyleSchema() {
        List<EventDescription> sharing = catalog.typesOfSchema("com.twilio.voice.status-callback.call");

        assertEquals(List.of("answered", "completed", "initiated", "ringing"), sharing.stream()
                .map(description -> description.type().name().substring(CallStatusChanged.PREFIX.length())).toList());
        assertEquals(1, catalog.versions("com.twilio.voice.status-callback.call").size());
        assertEquals("/v1/Schemas/com.twilio.voice.status-callback.call/Versions/1",
                catalog.schemaOf(EventType.of(CallStatusChanged.PREFIX + "ringing")).orElseThrow().path());
    }

    @Test
    void typesAreListedByNameAndUnknownOnesAreAbsent() {
        List<String> names = catalog.types().stream().map(description -> description.type().name()).toList();

        assertEquals(names.stream().sorted().toList(), names);
        assertTrue(catalog.type("com.twilio.eventstreams.test-sink").isPresent());
        assertFalse(catalog.type("io.patchbay.nothing").isPresent());
        assertTrue(catalog.versions("io.patchbay.nothing").isEmpty());
        assertFalse(catalog.schemaOf(new EventType(RecordStarted.TYPE.name(), 9)).isPresent());
    }

    @Test
    void aTypeIsListedAtItsLatestSchemaVersionAndKeepsTheOlderOne() {
        EventType v2 = new EventType(RecordStarted.TYPE.name(), 2);
        EventCatalog evolved = EventCatalog.of(List.of(
                EventDescription.of(v2, "v2", "always"), EventDescription.of(RecordStarted.TYPE, "v1", "always")));

        assertEquals(List.of(v2), evolved.types().stream().map(EventDescription::type).toList());
        assertEquals(List.of(1, 2), evolved.versions(RecordStarted.TYPE.name()).stream().map(EventSchema::version).toList());
        assertEquals("Record started", evolved.schemaOf(RecordStarted.TYPE).orElseThrow().document().get("title"));
    }

    @Test
    void aTypeWithoutItsSchemaResourceIsABuildMistake() {
        assertThrows(IllegalStateException.class, () -> EventCatalog.of(List.of(
                EventDescription.of(EventType.of("io.patchbay.unwritten"), "no schema", "never"))));
    }
}
