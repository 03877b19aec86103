package org.patchbay.core.events;

import java.time.Instant;
import java.util.Map;

/**
 * An event on its way into the {@link EventLog}: everything of a {@link RoutedEvent} except what the log
 * assigns, its id and its place in the subject's sequence.
 */
public record EventDraft(EventType type, String source, String accountSid, String subject, Instant time,
                         Map<String, Object> data, Map<String, String> facts) {

    public EventDraft {
        data = data == null ? Map.of() : data;
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    public static EventDraft of(PlatformEvent event, String source) {
        return new EventDraft(event.type(), source, event.accountSid(), event.subject(),
                event.time() == null ? Instant.now() : event.time(), event.data(), event.facts());
    }

    public RoutedEvent routed(String id, long sequence) {
        return new RoutedEvent(id, type, source, accountSid, subject, time, sequence, data, facts);
    }
}
