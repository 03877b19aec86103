package org.patchbay.server.api.auth;

import org.patchbay.core.account.Account;
import org.patchbay.core.account.ApiKey;

/**
 * Who sent a request: the account whose credentials it carried, and the API key used, if any.
 */
public record Caller(Account account, ApiKey key) {

    public boolean viaKey() {
        return key != null;
    }

    /** The caller may address {@code target}: its own account, or a subaccount when the caller is the main account. */
    public boolean mayAccess(Account target) {
        return target.sid().equals(account.sid())
                || account.isMain() && target.ownerAccountSid().equals(account.sid());
    }
}
