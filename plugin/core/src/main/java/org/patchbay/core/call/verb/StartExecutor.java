package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.Next;
import org.patchbay.core.call.VerbExecutor;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.stream.StreamConnector;
import org.patchbay.core.twiml.Start;

/**
 * {@code <Start><Stream>}: forks the call's audio to the app and goes on with the next verb at once, as Twilio
 * does; the fork runs until {@code <Stop><Stream>}, the REST API or the end of the call. A fork the call may not
 * start (a fifth, or a name already running) is a warning and the document goes on.
 */
public final class StartExecutor implements VerbExecutor<Start> {
    private final StreamConnector connector;

    public StartExecutor(StreamConnector connector) {
        this.connector = connector;
    }

    @Override
    public Future<Next> execute(CallControl call, Start start) {
        call.forks().start(call, start.stream(), connector, true).onFailure(refused ->
                call.warn(ErrorCode.SCHEMA_VALIDATION_WARNING.code(), "<Start><Stream>: " + refused.getMessage()));
        return Future.succeededFuture(Next.CONTINUE);
    }
}
