package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.Next;
import org.patchbay.core.call.VerbExecutor;
import org.patchbay.core.twiml.Hangup;

public final class HangupExecutor implements VerbExecutor<Hangup> {
    @Override
    public Future<Next> execute(CallControl call, Hangup hangup) {
        return Future.succeededFuture(Next.HANGUP);
    }
}
