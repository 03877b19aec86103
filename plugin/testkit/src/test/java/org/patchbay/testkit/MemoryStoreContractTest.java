package org.patchbay.testkit;

import org.patchbay.core.store.Store;
import org.patchbay.core.store.memory.MemoryStore;

/** The embedded in-memory store keeps the same promises as every other store. */
class MemoryStoreContractTest extends StoreContract {

    @Override
    protected Store newStore() {
        return new MemoryStore();
    }
}
