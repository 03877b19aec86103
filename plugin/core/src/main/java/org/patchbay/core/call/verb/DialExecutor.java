package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.Next;
import org.patchbay.core.call.VerbExecutor;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.twiml.Dial;
import org.patchbay.core.twiml.DialConference;
import org.patchbay.core.twiml.DialQueue;

/** {@code <Dial>} of numbers, SIP URIs and clients: see {@link DialRun}. */
public final class DialExecutor implements VerbExecutor<Dial> {
    @Override
    public Future<Next> execute(CallControl call, Dial dial) {
        boolean standalone = dial.nouns().stream().anyMatch(n -> n instanceof DialConference || n instanceof DialQueue);
        if (standalone) {
            call.warn(ErrorCode.SCHEMA_VALIDATION_WARNING.code(), "<Dial><Conference> and <Dial><Queue> are not supported yet; skipped");
            return Future.succeededFuture(Next.CONTINUE);
        }
        return new DialRun(call, dial).start();
    }
}
