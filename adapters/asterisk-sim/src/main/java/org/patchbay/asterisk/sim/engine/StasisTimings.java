package org.patchbay.asterisk.sim.engine;

import org.patchbay.asterisk.sim.StasisTiming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per channel, the real time its StasisStart was sent and the real time the app's first play request for
 * it arrived. Benchmarks read these to time the app; the oldest are forgotten so long runs stay bounded.
 */
public final class StasisTimings {
    private static final long NONE = -1;

    private final Map<String, long[]> byChannel;

    StasisTimings(int channelsKept) {
        int kept = Math.max(1, channelsKept);
        this.byChannel = new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
                return size() > kept;
            }
        };
    }

    void stasisStarted(String channelId) {
        byChannel.put(channelId, new long[] {nowMicros(), NONE});
    }

    /** Called as a play request for the channel arrives; only the first one counts. */
    public void playRequested(String channelId) {
        long[] times = byChannel.get(channelId);
        if (times != null && times[1] == NONE) {
            times[1] = nowMicros();
        }
    }

    public List<StasisTiming> entries() {
        List<StasisTiming> out = new ArrayList<>(byChannel.size());
        byChannel.forEach((id, times) -> out.add(new StasisTiming(id, times[0], times[1] == NONE ? null : times[1])));
        return out;
    }

    public void clear() {
        byChannel.clear();
    }

    private static long nowMicros() {
        return System.nanoTime() / 1_000;
    }
}
