package org.patchbay.core.call.verb;

import io.vertx.core.Future;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.call.Next;
import org.patchbay.core.call.VerbExecutor;
import org.patchbay.core.stream.StreamConnector;
import org.patchbay.core.twiml.Connect;

/** {@code <Connect><Stream>}: a bidirectional Media Stream; the document goes on when the app closes it. */
public final class ConnectExecutor implements VerbExecutor<Connect> {
    private final StreamConnector connector;

    public ConnectExecutor(StreamConnector connector) {
        this.connector = connector;
    }

    @Override
    public Future<Next> execute(CallControl call, Connect connect) {
        return new ConnectStreamRun(call, connect, connector).start();
    }
}
