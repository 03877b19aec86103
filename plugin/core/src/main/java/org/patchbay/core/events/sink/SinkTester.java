package org.patchbay.core.events.sink;

import io.vertx.core.Future;

/**
 * Sends a sink Twilio's test event ({@code com.twilio.eventstreams.test-sink}, data {@code {"test_id": …}})
 * the way the sink receives every other event, so that its owner can read the id there and prove with
 * Validate that the sink receives. The event router implements it.
 */
@FunctionalInterface
public interface SinkTester {
    String TEST_EVENT_TYPE = "com.twilio.eventstreams.test-sink";

    /**
     * Hands the test event to the sink's delivery (retried like any event): the future succeeds once it is on
     * its way, not when the sink has it, and fails only when it cannot be sent at all.
     */
    Future<Void> sendTest(Sink sink, String testId);
}
