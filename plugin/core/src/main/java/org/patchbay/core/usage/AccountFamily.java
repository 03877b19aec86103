package org.patchbay.core.usage;

import io.vertx.core.Future;
import org.patchbay.core.account.Account;
import org.patchbay.core.store.Store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which account owns which: a subaccount's usage also counts for its owner. An account's owner never
 * changes, so it is looked up once per account and kept.
 */
public final class AccountFamily {
    private final Store store;
    private final Map<String, String> owners = new ConcurrentHashMap<>();

    public AccountFamily(Store store) {
        this.store = store;
    }

    /** The owner of {@code accountSid}: itself for a main account (or an account Patchbay does not know). */
    public Future<String> ownerOf(String accountSid) {
        String known = owners.get(accountSid);
        if (known != null) {
            return Future.succeededFuture(known);
        }
        return store.of(Account.KIND).get(accountSid).map(account -> {
            String owner = account == null ? accountSid : account.ownerAccountSid();
            owners.put(accountSid, owner);
            return owner;
        });
    }

    /** The account as it is now (its auth token signs the trigger callbacks), or null. */
    public Future<Account> account(String accountSid) {
        return store.of(Account.KIND).get(accountSid);
    }
}
