package org.patchbay.core.call.stream;

import io.vertx.core.Future;
import org.patchbay.core.call.CallControl;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.stream.StreamConnector;
import org.patchbay.core.twiml.Stream;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The one-way forks of one call, started by {@code <Start><Stream>} or the REST API, found by SID or name to stop
 * them. A call runs at most {@value #MAX_RUNNING} at once, Twilio's limit for unidirectional streams; the last
 * {@value #KEPT_STOPPED} stopped ones are kept so the REST API can still answer for them. Used on the call's context.
 */
public final class CallForks {
    static final int MAX_RUNNING = 4;
    static final int KEPT_STOPPED = 20;

    private final List<StreamFork> forks = new ArrayList<>(2);

    /**
     * Starts a fork at once (the app's socket and the PBX's channels follow) and answers its state; fails with a
     * 400 when the call already runs {@value #MAX_RUNNING} forks or one of that name.
     */
    public Future<StreamState> start(CallControl call, Stream stream, StreamConnector connector, boolean byTwiml) {
        List<StreamFork> running = forks.stream().filter(StreamFork::running).toList();
        if (running.size() >= MAX_RUNNING) {
            return Future.failedFuture(new PatchbayException(400, ErrorCode.INVALID_PARAMETER,
                    "The call already runs " + MAX_RUNNING + " streams, the most it may"));
        }
        if (stream.name() != null && running.stream().anyMatch(fork -> stream.name().equals(fork.name()))) {
            return Future.failedFuture(new PatchbayException(400, ErrorCode.INVALID_PARAMETER,
                    "The call already runs a stream named '" + stream.name() + "'"));
        }
        StreamFork fork = new StreamFork(call, stream, connector, byTwiml);
        forks.add(fork);
        forgetOldStopped();
        fork.start();
        return Future.succeededFuture(fork.state());
    }

    /** Stops the fork with that SID or name (a running one before a stopped one); null when the call has none. */
    public StreamState stop(String sidOrName) {
        StreamFork found = null;
        for (StreamFork fork : forks) {
            if (sidOrName.equals(fork.sid()) || sidOrName.equals(fork.name())) {
                if (fork.running()) {
                    found = fork;
                    break;
                }
                found = found == null ? fork : found;
            }
        }
        if (found == null) {
            return null;
        }
        found.stop();
        return found.state();
    }

    /** {@code <Stop><Stream>} without a name: every running fork {@code <Start>} began (the REST API's stay). */
    public void stopStartedByTwiml() {
        for (StreamFork fork : List.copyOf(forks)) {
            if (fork.startedByTwiml()) {
                fork.stop();
            }
        }
    }

    private void forgetOldStopped() {
        long stopped = forks.stream().filter(fork -> !fork.running()).count();
        Iterator<StreamFork> oldestFirst = forks.iterator();
        while (stopped > KEPT_STOPPED && oldestFirst.hasNext()) {
            if (!oldestFirst.next().running()) {
                oldestFirst.remove();
                stopped--;
            }
        }
    }
}
