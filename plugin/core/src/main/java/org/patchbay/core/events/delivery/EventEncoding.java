package org.patchbay.core.events.delivery;

import org.patchbay.core.events.RoutedEvent;

import java.util.List;
import java.util.Map;

/**
 * How events are written for sinks: CloudEvents 1.0, implemented in an adapter with the CloudEvents SDK so
 * that core stays free of it.
 */
public interface EventEncoding {
    String STRUCTURED = "application/cloudevents+json";
    String BATCH = "application/cloudevents-batch+json";

    /** One event in the structured JSON mode. */
    String structured(RoutedEvent event);

    /** Events as one JSON batch (an array of structured events). */
    String batch(List<RoutedEvent> events);

    /** The event's attributes and extensions by name (id, source, type, …, accountsid, sequence), for binary modes. */
    Map<String, Object> attributes(RoutedEvent event);

    /** The event's data alone, as JSON, for binary modes. */
    String data(RoutedEvent event);
}
