package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.Next;
import org.patchbay.core.call.VerbExecutor;
import org.patchbay.core.twiml.Reject;

/** {@code <Reject>}: hang up without answering; the call ends busy or no-answer. */
public final class RejectExecutor implements VerbExecutor<Reject> {
    @Override
    public Future<Next> execute(CallControl call, Reject reject) {
        return call.reject(reject.reason()).map(v -> Next.HANGUP);
    }
}
