package org.patchbay.asterisk.sim.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/** The "heard" logs of recent calls by channel id; the oldest are forgotten so long benchmarks stay bounded. */
final class HeardLogs {
    private final Map<String, HeardLog> byChannel;

    HeardLogs(int callsKept) {
        int idsKept = Math.max(2, callsKept * 2);
        this.byChannel = new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, HeardLog> eldest) {
                return size() > idsKept;
            }
        };
    }

    HeardLog create(Channel appSide) {
        HeardLog log = new HeardLog();
        appSide.heard = log;
        byChannel.put(appSide.id, log);
        if (appSide.partner != null) {
            byChannel.put(appSide.partner.id, log);
        }
        return log;
    }

    HeardLog find(String channelId) {
        return byChannel.get(channelId);
    }
}
