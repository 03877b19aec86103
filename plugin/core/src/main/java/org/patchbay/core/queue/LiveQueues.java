package org.patchbay.core.queue;

import io.vertx.core.Future;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.store.Store;

/**
 * What the REST API may do to queues: keep a queue's record and its live line in step, and take a
 * waiting caller out of the line to another document. Failures are {@link PatchbayException}s.
 */
public interface LiveQueues {

    /** Stores a queue the API created or changed; a live line of it takes its new name and size. */
    Future<Queue> save(Queue queue);

    /** Deletes the queue; false (and nothing deleted) while callers wait in its line or agents wait for them. */
    Future<Boolean> remove(Queue queue);

    /**
     * Takes the caller {@code callSid} (or the one at the front when null) out of the line and makes
     * its call run the document at {@code url}; answers the member as it stood in the line.
     */
    Future<QueueMember> redirect(String accountSid, String queueSid, String callSid, String url, String method);

    /** Queues kept in the store alone, for an API with no calls behind it: no line is ever live. */
    static LiveQueues storeOnly(Store store) {
        return new LiveQueues() {
            @Override
            public Future<Queue> save(Queue queue) {
                return store.of(Queue.KIND).put(queue).map(queue);
            }

            @Override
            public Future<Boolean> remove(Queue queue) {
                return store.of(Queue.KIND).delete(queue.sid()).map(true);
            }

            @Override
            public Future<QueueMember> redirect(String accountSid, String queueSid, String callSid, String url, String method) {
                return Future.failedFuture(notWaiting(queueSid, callSid));
            }
        };
    }

    static PatchbayException notWaiting(String queueSid, String callSid) {
        return new PatchbayException(404, ErrorCode.NOT_FOUND, (callSid == null ? "No call is" : "Call " + callSid + " is not")
                + " waiting in queue " + queueSid + " on this Patchbay node");
    }
}
