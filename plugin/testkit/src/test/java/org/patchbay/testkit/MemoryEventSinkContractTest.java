package org.patchbay.testkit;

import org.patchbay.core.store.Store;
import org.patchbay.core.store.memory.MemoryStore;

/** Sinks and subscriptions in the embedded in-memory store keep the contract. */
class MemoryEventSinkContractTest extends EventSinkContract {

    @Override
    protected Store newStore() {
        return new MemoryStore();
    }
}
