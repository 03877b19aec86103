package org.patchbay.core.events;

import java.time.Instant;
import java.util.Map;

/**
 * An event as the router carries it once published: what any node, sink or counter reads back from the
 * event log, whichever node published it. It is the CloudEvent's content without its encoding.
 *
 * @param id       unique, and the same on every redelivery (consumers deduplicate by it)
 * @param source   the node that published it
 * @param sequence increasing per subject (per call), so a consumer can tell order
 * @param facts    what subscriptions filter on besides type and subject: for call events {@code direction},
 *                 {@code to}, {@code from}; empty for others
 */
public record RoutedEvent(String id, EventType type, String source, String accountSid, String subject, Instant time,
                          long sequence, Map<String, Object> data, Map<String, String> facts) {
}
