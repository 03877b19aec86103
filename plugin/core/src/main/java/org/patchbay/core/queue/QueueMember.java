package org.patchbay.core.queue;

import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;

import java.time.Instant;

/** A call waiting in a queue, keyed by its call SID (a call waits in one queue at a time). */
public record QueueMember(
        String callSid,
        String accountSid,
        String queueSid,
        int position,
        Instant dateEnqueued,
        Instant dateCreated) implements Resource {

    public static final ResourceKind<QueueMember> KIND = ResourceKind.of("queue-members", QueueMember.class);

    @Override
    public String sid() {
        return callSid;
    }
}
