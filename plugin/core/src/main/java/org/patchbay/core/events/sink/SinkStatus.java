package org.patchbay.core.events.sink;

/**
 * Where a sink stands, as Twilio names it: {@code initialized} when created, {@code validating} once a
 * test event was sent, {@code active} once the test id came back through Validate (or deliveries succeed
 * again), {@code failed} while deliveries keep failing.
 */
public enum SinkStatus {
    initialized, validating, active, failed
}
