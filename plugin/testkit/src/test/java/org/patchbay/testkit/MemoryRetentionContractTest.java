package org.patchbay.testkit;

import io.vertx.core.Vertx;
import org.patchbay.core.store.Store;
import org.patchbay.core.store.memory.MemoryStore;
import org.patchbay.core.store.retention.Retention;

class MemoryRetentionContractTest extends RetentionContract {
    @Override
    protected Store newStore(Vertx vertx, Retention retention) {
        return new MemoryStore(MemoryStore.DEFAULT_RETENTION, retention);
    }
}
