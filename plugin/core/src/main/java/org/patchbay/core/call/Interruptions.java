package org.patchbay.core.call;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The waits a call has open (playbacks, pauses, recordings): when the call ends or is redirected
 * they are all released at once, so no executor is left waiting on a call that moved on.
 */
final class Interruptions {

    /** @see #interruptAll(boolean) */
    interface Interruptible {
        /** @param channelAlive whether the PBX may still be asked to stop things (false after a hang-up) */
        void interrupt(boolean channelAlive);
    }

    private final Map<Object, Interruptible> open = new LinkedHashMap<>(4);

    void add(Object key, Interruptible wait) {
        open.put(key, wait);
    }

    void remove(Object key) {
        open.remove(key);
    }

    void interruptAll(boolean channelAlive) {
        if (open.isEmpty()) {
            return;
        }
        List<Interruptible> waits = new ArrayList<>(open.values());
        open.clear();
        waits.forEach(wait -> wait.interrupt(channelAlive));
    }
}
