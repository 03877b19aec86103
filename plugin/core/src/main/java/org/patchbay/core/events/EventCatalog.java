package org.patchbay.core.events;

import com.fasterxml.jackson.core.type.TypeReference;
import org.patchbay.core.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every event type Patchbay publishes, with the JSON Schema of its data: what the Event Streams {@code Types}
 * and {@code Schemas} resources list, and what a CloudEvent's {@code dataschema} points at.
 *
 * <p>A new type is one {@link EventDescription} in its noun's list (see {@link CallEventDescriptions}) and
 * its schema as the resource {@code schemas/<schemaId>.v<version>.json} beside this class.
 */
public final class EventCatalog {
    private static final String SCHEMA_RESOURCE = "schemas/%s.v%d.json";
    private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() {
    };
    private static final EventCatalog PLATFORM = of(descriptions(
            CallEventDescriptions.ALL,
            RouterEventDescriptions.ALL,
            List.of(EventDescription.of(UsageTriggerFired.TYPE, "A usage trigger fired: its counter reached the trigger's value.",
                    "in the same step as the increment that takes the counter to the value, once per period")),
            List.of(new EventDescription(EventType.of("com.twilio.eventstreams.test-sink"), "com.twilio.eventstreams.test-sink",
                    "A test event: its data's test_id is what Sinks/{Sid}/Validate expects.",
                    "when Sinks/{Sid}/Test is called, to that sink only"))));

    /** Types by name, each at its latest schema version. */
    private final Map<String, EventDescription> types;
    /** Schema versions by schema id, oldest first. */
    private final Map<String, List<EventSchema>> schemas;

    private EventCatalog(Map<String, EventDescription> types, Map<String, List<EventSchema>> schemas) {
        this.types = types;
        this.schemas = schemas;
    }

    /** The catalog of this build of Patchbay. */
    public static EventCatalog platform() {
        return PLATFORM;
    }

    /**
     * A catalog of {@code descriptions}, reading each schema version once from the classpath.
     *
     * @throws IllegalStateException when a schema resource is missing or not JSON: a build mistake
     */
    public static EventCatalog of(List<EventDescription> descriptions) {
        Map<String, EventDescription> types = new TreeMap<>();
        Map<String, Map<Integer, EventSchema>> versions = new TreeMap<>();
        for (EventDescription description : descriptions) {
            types.merge(description.type().name(), description,
                    (a, b) -> a.type().schemaVersion() >= b.type().schemaVersion() ? a : b);
            versions.computeIfAbsent(description.schemaId(), id -> new TreeMap<>())
                    .computeIfAbsent(description.type().schemaVersion(), version -> load(description.schemaId(), version));
        }
        Map<String, List<EventSchema>> schemas = new LinkedHashMap<>();
        versions.forEach((id, byVersion) -> schemas.put(id, List.copyOf(byVersion.values())));
        return new EventCatalog(types, schemas);
    }

    /** Every type, by name, at its latest schema version. */
    public List<EventDescription> types() {
        return List.copyOf(types.values());
    }

    /** The types whose data follows schema {@code schemaId}. */
    public List<EventDescription> typesOfSchema(String schemaId) {
        return types.values().stream().filter(type -> type.schemaId().equals(schemaId)).toList();
    }

    public Optional<EventDescription> type(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** The versions of schema {@code schemaId}, oldest first; empty when there is no such schema. */
    public List<EventSchema> versions(String schemaId) {
        return schemas.getOrDefault(schemaId, List.of());
    }

    public Optional<EventSchema> schema(String schemaId, int version) {
        return versions(schemaId).stream().filter(schema -> schema.version() == version).findFirst();
    }

    /** The schema an event of {@code type} follows, or empty when the catalog does not know the type at that version. */
    public Optional<EventSchema> schemaOf(EventType type) {
        return Optional.ofNullable(types.get(type.name()))
                .flatMap(description -> schema(description.schemaId(), type.schemaVersion()));
    }

    @SafeVarargs
    private static List<EventDescription> descriptions(List<EventDescription>... lists) {
        List<EventDescription> all = new ArrayList<>();
        for (List<EventDescription> list : lists) {
            all.addAll(list);
        }
        all.sort(Comparator.comparing(description -> description.type().name()));
        return all;
    }

    private static EventSchema load(String schemaId, int version) {
        String resource = String.format(SCHEMA_RESOURCE, schemaId, version);
        try (InputStream in = EventCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("event schema " + schemaId + " v" + version + " has no resource " + resource);
            }
            return new EventSchema(schemaId, version, Json.MAPPER.readValue(in, DOCUMENT));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event schema " + resource, e);
        }
    }
}
