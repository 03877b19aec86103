package org.patchbay.server.http;

import io.vertx.core.Future;
import org.junit.jupiter.api.Test;
import org.patchbay.adapters.http.AddressRange;
import org.patchbay.core.account.Account;
import org.patchbay.core.account.OutboundDeny;
import org.patchbay.core.store.memory.MemoryStore;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What an account is denied: its own blocks and its owner's; reread after a change or once stale. */
class AccountOutboundTest {
    private static final String MAIN = "AC" + "1".repeat(32);
    private static final String SUB = "AC" + "2".repeat(32);
    private static final Instant NOW = Instant.now();

    private final MemoryStore store = new MemoryStore();
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final AccountOutbound outbound = new AccountOutbound(store, clock::get);

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private void deny(String accountSid, String... blocks) throws Exception {
        await(store.of(OutboundDeny.KIND).put(new OutboundDeny(accountSid, List.of(blocks), NOW, NOW)));
    }

    private List<String> deniedFor(String accountSid) throws Exception {
        return await(outbound.deniedFor(accountSid)).stream().map(AddressRange::text).toList();
    }

    private void accounts() throws Exception {
        await(store.of(Account.KIND).put(new Account(MAIN, MAIN, "t1", "main", Account.Status.active, NOW, NOW)));
        await(store.of(Account.KIND).put(new Account(SUB, MAIN, "t2", "sub", Account.Status.active, NOW, NOW)));
    }

    @Test
    void aSubaccountIsDeniedItsOwnBlocksAndItsOwnersTheOwnerOnlyItsOwn() throws Exception {
        accounts();
        deny(MAIN, "10.0.0.0/8");
        deny(SUB, "127.0.0.2/32");

        assertEquals(List.of("127.0.0.2/32", "10.0.0.0/8"), deniedFor(SUB));
        assertEquals(List.of("10.0.0.0/8"), deniedFor(MAIN));
    }

    @Test
    void anAccountWithNoBlocksIsDeniedNothingMore() throws Exception {
        accounts();
        assertEquals(List.of(), deniedFor(SUB));
        assertEquals(List.of(), deniedFor("AC" + "9".repeat(32)), "an unknown account adds nothing to the installation's policy");
    }

    @Test
    void aChangeIsSeenAfterForgetAllOrOnceTheCopyIsStale() throws Exception {
        accounts();
        assertEquals(List.of(), deniedFor(SUB));
        deny(MAIN, "127.0.0.2/32");
        assertEquals(List.of(), deniedFor(SUB), "read again at most every 5 s");
        clock.addAndGet(AccountOutbound.FRESH_FOR.toMillis());
        assertEquals(List.of("127.0.0.2/32"), deniedFor(SUB));

        deny(MAIN, "127.0.0.3/32");
        outbound.forgetAll();
        assertEquals(List.of("127.0.0.3/32"), deniedFor(SUB), "the node that took the change applies it at once");
    }
}
