package org.patchbay.adapters.tts;

import org.patchbay.core.tts.Speech;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently used prompts, so that a repeated prompt and the media route find their
 * file without touching the disk. Bounded: the disk is the cache, this is only its shortcut.
 * Event loops and synthesis workers share it; each locked section is one map operation.
 */
final class SpeechIndex {

    private final Map<String, Speech> recent;

    SpeechIndex(int capacity) {
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Speech> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Speech get(String id) {
        return recent.get(id);
    }

    synchronized void put(Speech speech) {
        recent.put(speech.id(), speech);
    }

    synchronized void remove(String id) {
        recent.remove(id);
    }

    synchronized int size() {
        return recent.size();
    }
}
