package org.patchbay.server.http;

import io.vertx.core.Future;
import org.patchbay.adapters.http.AccountDenials;
import org.patchbay.adapters.http.AddressRange;
import org.patchbay.core.account.Account;
import org.patchbay.core.account.OutboundDeny;
import org.patchbay.core.store.Store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The blocks an account's own requests are denied on top of the installation's: its own
 * {@link OutboundDeny} and, for a subaccount, its owner's, so a subaccount can never reach what its
 * main account denied. Read from the store at most every {@link #FRESH_FOR} per account: a change
 * made through the API applies at once on the node that took it, within that on the others.
 */
public final class AccountOutbound implements AccountDenials {
    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private record Known(List<AddressRange> ranges, long untilMillis) {
    }

    private final Store store;
    private final LongSupplier clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    public AccountOutbound(Store store) {
        this(store, System::currentTimeMillis);
    }

    AccountOutbound(Store store, LongSupplier clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Future<List<AddressRange>> deniedFor(String accountSid) {
        Known cached = known.get(accountSid);
        if (cached != null && cached.untilMillis > clock.getAsLong()) {
            return Future.succeededFuture(cached.ranges);
        }
        return store.of(Account.KIND).get(accountSid).compose(account -> {
            Future<List<String>> own = blocksOf(accountSid);
            Future<List<String>> owner = account == null || account.isMain()
                    ? Future.succeededFuture(List.of()) : blocksOf(account.ownerAccountSid());
            return Future.all(own, owner).map(both -> {
                List<AddressRange> ranges = new ArrayList<>();
                for (String block : own.result()) {
                    ranges.add(AddressRange.parse(block));
                }
                for (String block : owner.result()) {
                    ranges.add(AddressRange.parse(block));
                }
                List<AddressRange> fixed = List.copyOf(ranges);
                known.put(accountSid, new Known(fixed, clock.getAsLong() + FRESH_FOR.toMillis()));
                return fixed;
            });
        });
    }

    /** After a change: a main account's blocks bind its subaccounts, so every account is read again. */
    public void forgetAll() {
        known.clear();
    }

    /** The account's own blocks, as stored (checked when they were set). */
    public Future<List<String>> blocksOf(String accountSid) {
        return store.of(OutboundDeny.KIND).get(accountSid).map(deny -> deny == null ? List.of() : deny.deniedRanges());
    }
}
