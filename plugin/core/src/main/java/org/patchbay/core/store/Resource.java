package org.patchbay.core.store;

import java.time.Instant;

/** Something the store keeps: identified by a SID, owned by an account, ordered by creation time. */
public interface Resource {
    String sid();

    String accountSid();

    Instant dateCreated();
}
