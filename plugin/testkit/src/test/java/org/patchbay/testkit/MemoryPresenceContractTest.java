package org.patchbay.testkit;

import io.vertx.core.Future;
import org.patchbay.core.presence.PresenceStore;
import org.patchbay.core.presence.memory.MemoryPresenceStore;

/** The in-memory presence keeps the promises every presence store keeps. */
class MemoryPresenceContractTest extends PresenceContract {

    @Override
    protected PresenceStore newStore() {
        return new MemoryPresenceStore();
    }

    @Override
    protected Future<Void> close(PresenceStore store) {
        return Future.succeededFuture();
    }
}
