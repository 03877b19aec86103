package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.Next;
import org.patchbay.core.call.VerbExecutor;
import org.patchbay.core.twiml.Leave;

/** {@code <Leave>} means something only in a queue's wait document (see {@link WaitLoop}); elsewhere it does nothing. */
public final class LeaveExecutor implements VerbExecutor<Leave> {
    @Override
    public Future<Next> execute(CallControl call, Leave leave) {
        return Future.succeededFuture(Next.CONTINUE);
    }
}
