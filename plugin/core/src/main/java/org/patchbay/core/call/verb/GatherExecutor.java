package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.Next;
import org.patchbay.core.call.VerbExecutor;
import org.patchbay.core.twiml.Gather;

/** {@code <Gather>} (DTMF): see {@link GatherRun} for the rules of one gathering. */
public final class GatherExecutor implements VerbExecutor<Gather> {
    @Override
    public Future<Next> execute(CallControl call, Gather gather) {
        return new GatherRun(call, gather).start();
    }
}
