package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.Next;
import org.patchbay.core.call.VerbExecutor;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.twiml.Stop;

/**
 * {@code <Stop><Stream>}: stops the named fork (whoever started it), or without a name every fork {@code <Start>}
 * began; the app gets {@code stop}. A name no fork of the call has is a warning; the document goes on either way.
 */
public final class StopExecutor implements VerbExecutor<Stop> {

    @Override
    public Future<Next> execute(CallControl call, Stop stop) {
        if (stop.streamName() == null) {
            call.forks().stopStartedByTwiml();
        } else if (call.forks().stop(stop.streamName()) == null) {
            call.warn(ErrorCode.SCHEMA_VALIDATION_WARNING.code(),
                    "<Stop><Stream>: the call has no stream named '" + stop.streamName() + "'");
        }
        return Future.succeededFuture(Next.CONTINUE);
    }
}
