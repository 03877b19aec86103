package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.Next;
import org.patchbay.core.call.VerbExecutor;
import org.patchbay.core.twiml.Pause;

public final class PauseExecutor implements VerbExecutor<Pause> {
    @Override
    public Future<Next> execute(CallControl call, Pause pause) {
        return call.pause(pause.lengthSeconds() * 1000L).map(v -> Next.CONTINUE);
    }
}
