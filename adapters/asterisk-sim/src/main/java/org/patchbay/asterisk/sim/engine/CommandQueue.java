package org.patchbay.asterisk.sim.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Asterisk's per-channel Stasis control queue: ARI commands on one channel run one after another,
 * and a command that takes time (a playback, a recording, sending DTMF) holds back the ones behind it.
 */
final class CommandQueue {

    /** One queued operation; it calls {@link CommandQueue#done} when it has finished. */
    interface Command {
        void run(CommandQueue queue);

        /** The channel or bridge went away before or while the command ran. */
        void abort(boolean wasRunning);
    }

    private final ArrayDeque<Command> pending = new ArrayDeque<>();
    private Command running;
    private boolean closed;

    void submit(Command command) {
        if (closed) {
            command.abort(false);
            return;
        }
        pending.addLast(command);
        if (running == null) {
            runNext();
        }
    }

    void done(Command command) {
        if (running != command) {
            return;
        }
        running = null;
        runNext();
    }

    boolean remove(Command command) {
        return pending.remove(command);
    }

    Command running() {
        return running;
    }

    /** Aborts the running command and drops the queued ones; later submissions are aborted at once. */
    void close() {
        closed = true;
        Command current = running;
        running = null;
        List<Command> dropped = new ArrayList<>(pending);
        pending.clear();
        if (current != null) {
            current.abort(true);
        }
        dropped.forEach(command -> command.abort(false));
    }

    private void runNext() {
        while (running == null && !pending.isEmpty() && !closed) {
            Command next = pending.pollFirst();
            running = next;
            next.run(this);
        }
    }
}
