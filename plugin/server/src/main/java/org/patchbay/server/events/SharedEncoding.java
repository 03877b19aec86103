package org.patchbay.server.events;

import org.patchbay.core.events.RoutedEvent;
import org.patchbay.core.events.delivery.EventEncoding;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every live stream sends the same text for the same event: the most recent encodings are kept by id, so ten
 * streams of one event encode it once rather than ten times.
 */
final class SharedEncoding {
    private static final int KEPT = 1_024;

    private final EventEncoding encoding;
    private final Map<String, String> recent = new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEPT;
        }
    };

    SharedEncoding(EventEncoding encoding) {
        this.encoding = encoding;
    }

    String structured(RoutedEvent event) {
        synchronized (recent) {
            String known = recent.get(event.id());
            if (known != null) {
                return known;
            }
        }
        String encoded = encoding.structured(event);
        synchronized (recent) {
            recent.put(event.id(), encoded);
        }
        return encoded;
    }
}
