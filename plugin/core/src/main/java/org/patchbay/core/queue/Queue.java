package org.patchbay.core.queue;

import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;

import java.time.Instant;

/** A named call queue of an account: callers wait in it until an agent's {@code <Dial><Queue>} takes them. */
public record Queue(
        String sid,
        String accountSid,
        String friendlyName,
        int currentSize,
        int maxSize,
        int averageWaitTime,
        Instant dateCreated,
        Instant dateUpdated) implements Resource {

    public static final String BY_NAME = "name";
    public static final ResourceKind<Queue> KIND =
            ResourceKind.of("queues", Queue.class, BY_NAME, q -> key(q.accountSid(), q.friendlyName()));
    public static final int DEFAULT_MAX_SIZE = 100;

    public static String key(String accountSid, String name) {
        return accountSid + "/" + name;
    }

    public Queue withSize(int size, int averageWait) {
        return new Queue(sid, accountSid, friendlyName, size, maxSize, averageWait, dateCreated, Instant.now());
    }
}
