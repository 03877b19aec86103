package org.patchbay.core.limits;

import io.vertx.core.Future;

/** Where accounts' own thresholds are kept, shared by every node. */
public interface AccountLimitsStore {

    /** The account's thresholds; {@link AccountLimits#none} when it has none of its own. */
    Future<AccountLimits> get(String accountSid);

    Future<Void> put(AccountLimits limits);
}
