package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.Next;
import org.patchbay.core.call.VerbExecutor;
import org.patchbay.core.twiml.RecordVerb;

/** {@code <Record>}: see {@link RecordRun}. */
public final class RecordExecutor implements VerbExecutor<RecordVerb> {
    @Override
    public Future<Next> execute(CallControl call, RecordVerb verb) {
        return new RecordRun(call, verb).start();
    }
}
