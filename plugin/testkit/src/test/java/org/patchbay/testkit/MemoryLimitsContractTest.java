package org.patchbay.testkit;

import io.vertx.core.Vertx;
import org.patchbay.core.limits.memory.MemoryAccountLimits;
import org.patchbay.core.limits.memory.MemoryCallPacer;
import org.patchbay.core.limits.memory.MemoryLimiter;

/** The single-node limiter keeps the same promises as the shared one. */
class MemoryLimitsContractTest extends LimitsContract {

    @Override
    protected Limits open(Vertx vertx) {
        return new Limits(new MemoryLimiter(), new MemoryCallPacer(), new MemoryAccountLimits());
    }
}
