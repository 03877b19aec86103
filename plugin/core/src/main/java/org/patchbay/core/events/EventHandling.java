package org.patchbay.core.events;

import io.vertx.core.Future;

/**
 * What a consumer answers for one event, in two steps: once {@code taken} succeeds the next event of the same
 * subject may go to it (a failure hands this one over again); once {@code settled} succeeds the log may forget the
 * event. A consumer that gathers events (a batching webhook) takes each at once and settles it when its batch is
 * delivered, so a node that dies holding a batch leaves its events to be handed over again, not lost.
 */
public record EventHandling(Future<Void> taken, Future<Void> settled) {

    /** A consumer that is finished with the event when it has handled it. */
    public static EventHandling inOneStep(Future<Void> done) {
        return new EventHandling(done, done);
    }
}
