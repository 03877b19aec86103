package org.patchbay.testkit;

import io.vertx.core.Vertx;
import org.patchbay.core.store.Store;
import org.patchbay.core.store.memory.MemoryStore;

class MemoryListQueryContractTest extends ListQueryContract {
    @Override
    protected Store newStore(Vertx vertx) {
        return new MemoryStore();
    }
}
