package org.patchbay.adapters.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import org.junit.jupiter.api.Test;
import org.patchbay.core.events.EventCatalog;
import org.patchbay.core.events.EventType;
import org.patchbay.core.events.RoutedEvent;
import org.patchbay.core.json.Json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Structured CloudEvents 1.0 JSON with Patchbay's attributes, read back by the SDK itself. */
class CloudEventsEncodingTest {
    private final CloudEventsEncoding encoding = new CloudEventsEncoding("http://pb.example:8080/", EventCatalog.platform());
    private final RoutedEvent completed = new RoutedEvent("2-1700000000000-3", EventType.of("com.twilio.voice.status-callback.call.completed"),
            "1234@host/abcd", "AC" + "1".repeat(32), "CA" + "2".repeat(32), Instant.parse("2026-12-02T18:00:00Z"), 5,
            Map.of("CallStatus", "completed"), Map.of());

    @Test
    void aStructuredEventCarriesEveryAttributeAndItsData() {
        String json = encoding.structured(completed);
        CloudEvent read = new JsonFormat().deserialize(json.getBytes(StandardCharsets.UTF_8));
        assertEquals("2-1700000000000-3", read.getId());
        assertEquals("com.twilio.voice.status-callback.call.completed", read.getType());
        assertEquals("/patchbay/nodes/1234%40host%2Fabcd", read.getSource().toString());
        assertEquals("CA" + "2".repeat(32), read.getSubject());
        assertEquals(Instant.parse("2026-12-02T18:00:00Z"), read.getTime().toInstant());
        assertEquals("http://pb.example:8080/v1/Schemas/com.twilio.voice.status-callback.call/Versions/1", read.getDataSchema().toString());
        assertEquals("AC" + "1".repeat(32), read.getExtension("accountsid"));
        assertEquals(5, ((Number) read.getExtension("sequence")).intValue());
        Map<?, ?> raw = Json.read(json, Map.class);
        assertEquals(Map.of("CallStatus", "completed"), raw.get("data"), "data is JSON, not base64");
    }

    @Test
    void aBatchIsAnArrayOfStructuredEventsAndAnEventWithoutSubjectHasNone() {
        RoutedEvent test = new RoutedEvent("x", EventType.of("com.twilio.eventstreams.test-sink"), "n", "AC1", null, Instant.now(), 0,
                Map.of("test_id", "t"), Map.of());
        List<?> batch = Json.read(encoding.batch(List.of(completed, test)), List.class);
        assertEquals(2, batch.size());
        assertNull(((Map<?, ?>) batch.get(1)).get("subject"));
        assertEquals(Map.of("test_id", "t"), ((Map<?, ?>) batch.get(1)).get("data"));
    }
}
