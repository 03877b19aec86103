package org.patchbay.core.telephony;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Who gets the events about which PBX resource: a key (channel id, playback id, recording name,
 * bridge id) claimed by a sink. Claims come from many contexts, hence the concurrent map.
 */
public final class EventRoutes {
    private final ConcurrentHashMap<String, EventSink> owners = new ConcurrentHashMap<>();

    public void claim(String key, EventSink sink) {
        owners.put(key, sink);
    }

    public void release(String key, EventSink sink) {
        owners.remove(key, sink);
    }

    public EventSink owner(String key) {
        return owners.get(key);
    }

    /** How many resources are claimed: zero when nothing is under way (tests assert nothing leaked). */
    public int size() {
        return owners.size();
    }
}
