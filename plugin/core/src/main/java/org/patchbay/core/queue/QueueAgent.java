package org.patchbay.core.queue;

import io.vertx.core.Context;

/** A call whose {@code <Dial><Queue>} waits for a caller to arrive; called on its own context. */
public interface QueueAgent {

    Context context();

    void matched(QueueCaller caller, String queueSid);

    /** The caller it took hung up. */
    void callerHungUp();
}
