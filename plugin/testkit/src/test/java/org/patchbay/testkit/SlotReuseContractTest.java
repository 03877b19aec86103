package org.patchbay.testkit;

import io.vertx.core.Vertx;
import org.patchbay.core.limits.SlotReuse;
import org.patchbay.core.limits.memory.MemoryAccountLimits;
import org.patchbay.core.limits.memory.MemoryCallPacer;
import org.patchbay.core.limits.memory.MemoryLimiter;

/** A limiter that reuses given-back slots keeps every promise of the limiter under it. */
class SlotReuseContractTest extends LimitsContract {

    @Override
    protected Limits open(Vertx vertx) {
        return new Limits(new SlotReuse(vertx, new MemoryLimiter()), new MemoryCallPacer(), new MemoryAccountLimits());
    }
}
