package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.Next;
import org.patchbay.core.call.VerbExecutor;
import org.patchbay.core.queue.QueueRooms;
import org.patchbay.core.twiml.Enqueue;

public final class EnqueueExecutor implements VerbExecutor<Enqueue> {
    private final QueueRooms queues;

    public EnqueueExecutor(QueueRooms queues) {
        this.queues = queues;
    }

    @Override
    public Future<Next> execute(CallControl call, Enqueue enqueue) {
        return new EnqueueRun(call, enqueue, queues).start();
    }
}
