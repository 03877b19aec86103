package org.patchbay.asterisk.sim.ari;

import org.patchbay.asterisk.sim.AriRequest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The most recent ARI requests, oldest first, so tests can check what the app asked and when. */
public final class RequestLog {
    private final ArrayDeque<AriRequest> entries = new ArrayDeque<>();
    private final int capacity;
    private long sequence;

    public RequestLog(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    void record(String method, String path, String query, long atMillis) {
        if (entries.size() == capacity) {
            entries.pollFirst();
        }
        entries.addLast(new AriRequest(++sequence, method, path, query == null ? "" : query, atMillis));
    }

    public List<AriRequest> entries() {
        return new ArrayList<>(entries);
    }

    public void clear() {
        entries.clear();
    }
}
