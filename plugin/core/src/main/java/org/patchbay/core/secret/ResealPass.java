package org.patchbay.core.secret;

import io.vertx.core.Future;
import org.patchbay.core.account.Account;
import org.patchbay.core.store.Page;
import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceStore;

import java.util.ArrayList;
import java.util.List;

/**
 * The start-up pass that brings every stored secret to the current key: plain values left by an
 * earlier version and values sealed with a previous key are sealed again. It runs before the API
 * serves requests, and fails (stopping the start) when a value was sealed with a key not configured.
 * It walks the main account's family (subaccounts cannot own subaccounts) and each account's API keys and event sinks.
 */
public final class ResealPass {
    private static final int PAGE = 500;

    private final SealedStore store;

    public ResealPass(SealedStore store) {
        this.store = store;
    }

    /** @return how many records were sealed again */
    public Future<Integer> run() {
        return store.inner().of(Account.KIND).findBy(Account.BY_ROLE, "main").compose(main -> {
            if (main == null) {
                return Future.succeededFuture(0);
            }
            return stored(store.inner().of(Account.KIND), main.sid(), 0, new ArrayList<>()).compose(family -> {
                Future<Integer> chain = reseal(SecretField.AUTH_TOKEN, family);
                for (Account account : family) {
                    for (SecretField<?> owned : SecretField.OWNED_BY_ACCOUNTS) {
                        chain = chain.compose(done -> resealOwned(owned, account.sid()).map(more -> done + more));
                    }
                }
                return chain;
            });
        });
    }

    private <T extends Resource> Future<Integer> resealOwned(SecretField<T> field, String accountSid) {
        return stored(store.inner().of(field.kind()), accountSid, 0, new ArrayList<>()).compose(records -> reseal(field, records));
    }

    private <T extends Resource> Future<Integer> reseal(SecretField<T> field, List<T> records) {
        Future<Integer> chain = Future.succeededFuture(0);
        ResourceStore<T> sealing = store.of(field.kind());
        for (T stored : records) {
            chain = chain.compose(done -> {
                try {
                    if (!field.stale(stored, store.cipher())) {
                        return Future.succeededFuture(done);
                    }
                    return sealing.put(field.opened(stored, store.cipher())).map(v -> done + 1);
                } catch (SecretException unopenable) {
                    return Future.failedFuture(unopenable);
                }
            });
        }
        return chain;
    }

    private static <T extends Resource> Future<List<T>> stored(ResourceStore<T> raw, String accountSid, int offset, List<T> found) {
        return raw.list(accountSid, r -> true, offset, PAGE).compose((Page<T> page) -> {
            found.addAll(page.items());
            return page.hasMore() ? stored(raw, accountSid, offset + PAGE, found) : Future.succeededFuture(found);
        });
    }
}
