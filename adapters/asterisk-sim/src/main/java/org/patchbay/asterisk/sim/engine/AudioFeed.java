package org.patchbay.asterisk.sim.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The audio arriving at a channel from its far end. Like Asterisk's Local channels, only real audio
 * produces frames here: the caller speaking, or music on hold started on the caller's leg. Recordings
 * listen to it to know how much audio they store.
 */
final class AudioFeed {

    interface Listener {
        void audioChanged(boolean active);
    }

    private final List<Listener> listeners = new ArrayList<>();
    private int sources;

    boolean active() {
        return sources > 0;
    }

    void addSource() {
        sources++;
        if (sources == 1) {
            notifyListeners(true);
        }
    }

    void removeSource() {
        if (sources == 0) {
            return;
        }
        sources--;
        if (sources == 0) {
            notifyListeners(false);
        }
    }

    void listen(Listener listener) {
        listeners.add(listener);
    }

    void unlisten(Listener listener) {
        listeners.remove(listener);
    }

    private void notifyListeners(boolean active) {
        for (Listener listener : List.copyOf(listeners)) {
            listener.audioChanged(active);
        }
    }
}
