package org.patchbay.testkit;

import org.patchbay.core.usage.UsageStore;
import org.patchbay.core.usage.memory.MemoryUsageStore;

import java.time.Duration;

/** The in-memory usage store keeps the promises every usage store keeps; a second node of it is itself. */
class MemoryUsageContractTest extends UsageContract {
    private MemoryUsageStore store;

    @Override
    protected UsageStore newStore() {
        store = new MemoryUsageStore(Duration.ofDays(7));
        return store;
    }

    @Override
    protected UsageStore sameData() {
        return store;
    }
}
