package org.patchbay.testkit.stream;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.patchbay.core.stream.StreamConnectException;
import org.patchbay.core.stream.StreamConnector;
import org.patchbay.core.stream.StreamSocket;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Media Streams applications for tests of the call engine, with no socket: every connect opens a
 * {@link MemoryStreamSocket} that the test reads and answers as the app would, or is refused with an HTTP status.
 */
public final class MemoryStreamApps implements StreamConnector {
    private final List<MemoryStreamSocket> sockets = new CopyOnWriteArrayList<>();
    private volatile int refuseWith;

    /** Upgrades are refused with {@code httpStatus} from now on (0: accepted again). */
    public MemoryStreamApps refuse(int httpStatus) {
        this.refuseWith = httpStatus;
        return this;
    }

    /** The sockets opened so far, in order. */
    public List<MemoryStreamSocket> sockets() {
        return List.copyOf(sockets);
    }

    @Override
    public Future<StreamSocket> connect(String url, Map<String, String> headers) {
        if (refuseWith > 0) {
            return Future.failedFuture(new StreamConnectException(refuseWith, "the upgrade was refused with " + refuseWith));
        }
        Context context = Vertx.currentContext();
        MemoryStreamSocket socket = new MemoryStreamSocket(context, url, headers);
        sockets.add(socket);
        return Future.succeededFuture(socket);
    }
}
