package org.patchbay.testkit;

import org.patchbay.core.secret.SealedStore;
import org.patchbay.core.secret.SecretCipher;
import org.patchbay.core.secret.SecretsKey;
import org.patchbay.core.store.Store;
import org.patchbay.core.store.memory.MemoryStore;

import java.util.List;

/** Sealing secrets changes nothing a store promises: the contract holds through the {@link SealedStore}. */
class SealedStoreContractTest extends StoreContract {

    @Override
    protected Store newStore() {
        return new SealedStore(new MemoryStore(), new SecretCipher(SecretsKey.of(new byte[32]), List.of()));
    }
}
