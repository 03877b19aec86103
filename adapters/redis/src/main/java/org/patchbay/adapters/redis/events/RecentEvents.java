package org.patchbay.adapters.redis.events;

import io.vertx.redis.client.Response;
import org.patchbay.core.events.RoutedEvent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The events this node appended or read lately, by id. The live tail and every consumer group read the same
 * entries, and decoding each entry's JSON once per reader was an eighth of the CPU of a call; an event this node
 * appended is not decoded at all, as in memory, where every reader gets the appended event itself. Emptied when
 * full, so it stays bounded without bookkeeping; an entry not held is decoded as before.
 */
final class RecentEvents {
    private static final int KEPT = 4096;

    private final Map<String, RoutedEvent> byId = new ConcurrentHashMap<>();

    void keep(RoutedEvent event) {
        if (byId.size() >= KEPT) {
            byId.clear();
        }
        byId.put(event.id(), event);
    }

    /** One entry of an XREAD/XREADGROUP/XRANGE reply as an event; null for a trimmed one. */
    RoutedEvent decode(int partition, Response entry) {
        if (entry == null || entry.size() < 2 || entry.get(1) == null) {
            return null;
        }
        RoutedEvent known = byId.get(EventEntries.id(partition, entry.get(0).toString()));
        if (known != null) {
            return known;
        }
        RoutedEvent decoded = EventEntries.decode(partition, entry);
        if (decoded != null) {
            keep(decoded);
        }
        return decoded;
    }
}
