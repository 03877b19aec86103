package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.Next;
import org.patchbay.core.call.VerbExecutor;
import org.patchbay.core.twiml.Say;

/** {@code <Say>}: synthesise once, then play it {@code loop} times. */
public final class SayExecutor implements VerbExecutor<Say> {
    @Override
    public Future<Next> execute(CallControl call, Say say) {
        if (say.text() == null || say.text().isBlank()) {
            return Future.succeededFuture(Next.CONTINUE);
        }
        return call.speech(say)
                .compose(media -> Loops.play(call, media, say.loop()))
                .map(result -> Next.CONTINUE);
    }
}
