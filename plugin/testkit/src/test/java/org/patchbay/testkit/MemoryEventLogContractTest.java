package org.patchbay.testkit;

import org.patchbay.core.events.EventLog;
import org.patchbay.core.events.memory.MemoryEventLog;

import java.time.Duration;

/** The memory log keeps the promises every event log keeps (it is one node's only). */
class MemoryEventLogContractTest extends EventLogContract {

    @Override
    protected EventLog newLog() {
        return new MemoryEventLog(vertx(), 1_000, Duration.ofHours(1));
    }

    @Override
    protected EventLog sameLogOnAnotherNode() {
        return null;
    }
}
