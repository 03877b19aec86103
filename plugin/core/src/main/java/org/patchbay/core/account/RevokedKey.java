package org.patchbay.core.account;

import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;

import java.time.Instant;

/**
 * What is left of a deleted API key: enough to tell a token signed with it that the key was revoked,
 * rather than that no such key ever existed.
 */
public record RevokedKey(String sid, String accountSid, Instant dateCreated, Instant dateRevoked) implements Resource {

    public static final ResourceKind<RevokedKey> KIND = ResourceKind.of("revoked-keys", RevokedKey.class);
}
