package org.patchbay.server;

import io.vertx.core.Future;
import org.patchbay.core.account.Account;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.ResourceStore;
import org.patchbay.core.store.Store;

import java.time.Instant;

/**
 * The main account: taken from configuration when given, else the one already in the store, else
 * created on first start (its credentials are printed once, then live only in the store).
 */
final class MainAccount {

    record Provisioned(Account account, boolean generated) {
    }

    private MainAccount() {
    }

    static Future<Provisioned> ensure(Store store, String configuredSid, String configuredToken) {
        ResourceStore<Account> accounts = store.of(Account.KIND);
        if (configuredSid != null) {
            return accounts.get(configuredSid).compose(existing -> {
                Instant now = Instant.now();
                Account account = existing != null && existing.authToken().equals(configuredToken) && existing.isMain()
                        ? existing
                        : new Account(configuredSid, configuredSid, configuredToken, "Main account",
                        Account.Status.active, existing == null ? now : existing.dateCreated(), now);
                return accounts.put(account).map(v -> new Provisioned(account, false));
            });
        }
        return accounts.findBy(Account.BY_ROLE, "main").compose(existing -> {
            if (existing != null) {
                return Future.succeededFuture(new Provisioned(existing, false));
            }
            Instant now = Instant.now();
            String sid = Sids.next(Sids.ACCOUNT);
            Account created = new Account(sid, sid, Sids.secret(), "Main account", Account.Status.active, now, now);
            return accounts.put(created).map(v -> new Provisioned(created, true));
        });
    }
}
