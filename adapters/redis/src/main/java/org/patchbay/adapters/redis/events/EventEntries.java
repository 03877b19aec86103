package org.patchbay.adapters.redis.events;

import com.fasterxml.jackson.core.type.TypeReference;
import io.vertx.redis.client.Response;
import org.patchbay.core.events.EventDraft;
import org.patchbay.core.events.EventType;
import org.patchbay.core.events.RoutedEvent;
import org.patchbay.core.json.Json;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an event is kept in a stream entry (fields {@code seq} and {@code e}, the event as JSON) and how its id
 * names its place: {@code <partition>-<entry id>}, unique across partitions and the same on every redelivery.
 */
final class EventEntries {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private EventEntries() {
    }

    static String encode(EventDraft draft) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", draft.type().name());
        json.put("version", draft.type().schemaVersion());
        json.put("source", draft.source());
        json.put("account", draft.accountSid());
        json.put("subject", draft.subject());
        json.put("time", draft.time().toString());
        json.put("data", draft.data());
        json.put("facts", draft.facts());
        return Json.write(json);
    }

    /** One entry of an XRANGE/XREADGROUP/XAUTOCLAIM reply: [entry id, [field, value, …]]; null for a trimmed one. */
    static RoutedEvent decode(int partition, Response entry) {
        if (entry == null || entry.size() < 2 || entry.get(1) == null) {
            return null;
        }
        String entryId = entry.get(0).toString();
        Response fields = entry.get(1);
        long sequence = 0;
        String body = null;
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            String name = fields.get(i).toString();
            if (name.equals("seq")) {
                sequence = fields.get(i + 1).toLong();
            } else if (name.equals("e")) {
                body = fields.get(i + 1).toString();
            }
        }
        return body == null ? null : decode(id(partition, entryId), sequence, body);
    }

    @SuppressWarnings("unchecked")
    private static RoutedEvent decode(String id, long sequence, String body) {
        Map<String, Object> json;
        try {
            json = Json.MAPPER.readValue(body, MAP);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable event " + id, e);
        }
        EventType type = new EventType((String) json.get("type"), ((Number) json.get("version")).intValue());
        Map<String, Object> data = (Map<String, Object>) json.getOrDefault("data", Map.of());
        Map<String, String> facts = (Map<String, String>) json.getOrDefault("facts", Map.of());
        return new RoutedEvent(id, type, (String) json.get("source"), (String) json.get("account"), (String) json.get("subject"),
                Instant.parse((String) json.get("time")), sequence, data, Map.copyOf(facts));
    }

    static String id(int partition, String entryId) {
        return partition + "-" + entryId;
    }

    /** The place an event id names, or null when the text is not such an id. */
    static Place place(String id, int partitions) {
        if (id == null || !id.matches("\\d{1,3}-\\d{1,20}-\\d{1,20}")) {
            return null;
        }
        int dash = id.indexOf('-');
        int partition = Integer.parseInt(id.substring(0, dash));
        return partition < partitions ? new Place(partition, id.substring(dash + 1)) : null;
    }

    /** An entry's place: its partition and its id within that partition's stream ({@code ms-n}). */
    record Place(int partition, String entryId) implements Comparable<Place> {
        long millis() {
            return Long.parseLong(entryId.substring(0, entryId.indexOf('-')));
        }

        long counter() {
            return Long.parseLong(entryId.substring(entryId.indexOf('-') + 1));
        }

        /** Entry ids come from the one Redis clock, so (entry id, partition) orders the events of all partitions. */
        @Override
        public int compareTo(Place other) {
            int byMillis = Long.compare(millis(), other.millis());
            if (byMillis != 0) {
                return byMillis;
            }
            int byCounter = Long.compare(counter(), other.counter());
            return byCounter != 0 ? byCounter : Integer.compare(partition, other.partition);
        }
    }
}
