package org.patchbay.core.events;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened on the platform, as the event router carries it to subscribers. One record
 * per kind of event; each names its {@link EventType} (a stable name and a schema version) and gives its
 * data as JSON-ready values, so encoders (CloudEvents) and filters need no knowledge of the kind.
 */
public sealed interface PlatformEvent permits CallEvent, LimitRejected, NotificationLogged, UsageTriggerFired {

    EventType type();

    /** The account the event belongs to: who may subscribe to it. */
    String accountSid();

    /** The SID the event is about (a CallSid), or null when it is about no one resource. */
    String subject();

    Instant time();

    /** The event's data: strings, numbers, booleans, lists and maps only. */
    Map<String, Object> data();

    /** What subscriptions filter on besides type, subject and account (call direction, to, from); none by default. */
    default Map<String, String> facts() {
        return Map.of();
    }
}
