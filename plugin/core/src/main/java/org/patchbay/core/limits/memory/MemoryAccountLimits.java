package org.patchbay.core.limits.memory;

import io.vertx.core.Future;
import org.patchbay.core.limits.AccountLimits;
import org.patchbay.core.limits.AccountLimitsStore;

import java.util.concurrent.ConcurrentHashMap;

/** Accounts' own thresholds kept in this process. */
public final class MemoryAccountLimits implements AccountLimitsStore {
    private final ConcurrentHashMap<String, AccountLimits> limits = new ConcurrentHashMap<>();

    @Override
    public Future<AccountLimits> get(String accountSid) {
        return Future.succeededFuture(limits.getOrDefault(accountSid, AccountLimits.none(accountSid)));
    }

    @Override
    public Future<Void> put(AccountLimits accountLimits) {
        limits.put(accountLimits.accountSid(), accountLimits);
        return Future.succeededFuture();
    }
}
