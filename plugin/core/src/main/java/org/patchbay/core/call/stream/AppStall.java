package org.patchbay.core.call.stream;

import org.patchbay.core.stream.StreamSocket;

/**
 * A Media Stream's app that stopped reading: frames for its full socket are dropped, never queued, and once the
 * socket has stayed full for {@link StreamRelay#STALL_MILLIS} ms the app is warned about and disconnected. The
 * bidirectional relay and the one-way fork watch their sockets this one way.
 */
final class AppStall {
    private final StreamSocket socket;
    private final StreamRelay.Problems problems;
    private long fullSinceNanos;

    AppStall(StreamSocket socket, StreamRelay.Problems problems) {
        this.socket = socket;
        this.problems = problems;
        socket.drainHandler(drained -> fullSinceNanos = 0);
    }

    /** Whether a frame may be sent at {@code nowNanos}; when the app has been given long enough, {@code cutOff} runs and the socket closes. */
    boolean canSend(long nowNanos, Runnable cutOff) {
        if (!socket.writeQueueFull()) {
            return true;
        }
        if (fullSinceNanos == 0) {
            fullSinceNanos = nowNanos;
        } else if (nowNanos - fullSinceNanos > StreamRelay.STALL_MILLIS * 1_000_000) {
            problems.warn(StreamErrors.APP_NOT_READING, "The Media Stream's application read nothing for "
                    + StreamRelay.STALL_MILLIS + " ms; Patchbay disconnected it");
            cutOff.run();
            socket.close();
        }
        return false;
    }
}
