package org.patchbay.core.queue;

import io.vertx.core.Context;
import io.vertx.core.Future;

/** A caller waiting in a queue, as the queue and the agent who takes it see it; called on its own context. */
public interface QueueCaller {

    String callSid();

    String channelId();

    Context context();

    /**
     * An agent took this caller: stop the wait music and, with an {@code announcement} ({@code <Queue url>}), run its
     * document on the caller; the agent bridges the caller once this completes.
     */
    Future<Void> takeOut(QueueAgent agent, Announcement announcement);

    /** The REST API took this caller out of the line: it goes on to the document at {@code url}. */
    void redirected(String url, String method);

    /** The agent's side of the bridge is over: the caller goes on to its Enqueue action. */
    void bridgeEnded();
}
