package org.patchbay.core.account;

import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;

import java.time.Instant;

/** An API key (SK...): a second credential for an account, revocable on its own. */
public record ApiKey(String sid, String accountSid, String secret, String friendlyName, Instant dateCreated, Instant dateUpdated)
        implements Resource {

    public static final ResourceKind<ApiKey> KIND = ResourceKind.of("keys", ApiKey.class);
}
