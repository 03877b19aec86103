package org.patchbay.core.call.stream;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The app's audio and marks held back while the PBX's queue is full (chan_websocket's MEDIA_XOFF, at 18 s of
 * audio queued), in order, up to {@value #MAX_BYTES} bytes (30 s): beyond that the app is sending far faster
 * than real time and the excess is dropped.
 */
final class HeldAudio {
    static final int MAX_BYTES = 240_000;

    sealed interface Item permits Audio, MarkId {
    }

    record Audio(byte[] ulaw) implements Item {
    }

    record MarkId(String id) implements Item {
    }

    private final Deque<Item> items = new ArrayDeque<>();
    private int bytes;

    /** @return false when the audio did not fit and was dropped */
    boolean addAudio(byte[] ulaw) {
        if (bytes + ulaw.length > MAX_BYTES) {
            return false;
        }
        items.addLast(new Audio(ulaw));
        bytes += ulaw.length;
        return true;
    }

    void addMark(String id) {
        items.addLast(new MarkId(id));
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    Item poll() {
        Item item = items.pollFirst();
        if (item instanceof Audio audio) {
            bytes -= audio.ulaw().length;
        }
        return item;
    }

    void clear() {
        items.clear();
        bytes = 0;
    }
}
