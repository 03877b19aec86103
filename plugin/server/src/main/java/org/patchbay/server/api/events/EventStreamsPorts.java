package org.patchbay.server.api.events;

import io.vertx.core.Future;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.events.sink.SinkChanges;
import org.patchbay.core.events.sink.SinkTester;

import java.util.Objects;

/** What the Event Streams API needs from the event router: a way to test a sink, and an ear for changes. */
public record EventStreamsPorts(SinkTester tester, SinkChanges changes) {

    public EventStreamsPorts {
        Objects.requireNonNull(tester, "tester");
        Objects.requireNonNull(changes, "changes");
    }

    /** No event router: sinks and subscriptions are kept, but a sink cannot be sent its test event. */
    public static EventStreamsPorts none() {
        return new EventStreamsPorts(
                (sink, testId) -> Future.failedFuture(new PatchbayException(503, ErrorCode.INTERNAL_SERVER_ERROR,
                        "No event router runs on this Patchbay: the test event cannot be sent")),
                SinkChanges.none());
    }
}
