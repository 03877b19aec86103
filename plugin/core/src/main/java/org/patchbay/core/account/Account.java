package org.patchbay.core.account;

import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;

import java.time.Instant;

/**
 * An account: the main account, or a subaccount owned by it ({@code ownerAccountSid}).
 * For the main account the owner is itself, so listing by owner lists the family.
 */
public record Account(
        String sid,
        String ownerAccountSid,
        String authToken,
        String friendlyName,
        Status status,
        Instant dateCreated,
        Instant dateUpdated) implements Resource {

    /** Finds the main account: its index value is {@code main}; subaccounts are not indexed. */
    public static final String BY_ROLE = "role";
    public static final ResourceKind<Account> KIND =
            ResourceKind.of("accounts", Account.class, BY_ROLE, a -> a.isMain() ? "main" : null);

    public enum Status {
        active, suspended, closed
    }

    @Override
    public String accountSid() {
        return ownerAccountSid;
    }

    public boolean isMain() {
        return sid.equals(ownerAccountSid);
    }

    public Account withStatus(Status newStatus) {
        return new Account(sid, ownerAccountSid, authToken, friendlyName, newStatus, dateCreated, Instant.now());
    }

    public Account withFriendlyName(String name) {
        return new Account(sid, ownerAccountSid, authToken, name, status, dateCreated, Instant.now());
    }
}
