package org.patchbay.adapters.ari;

import ch.loway.oss.ari4java.AriVersion;

/** The ARI versions ari4java speaks, for an Asterisk that announces one it does not know. */
final class AriVersions {
    private AriVersions() {
    }

    /** A newer Asterisk keeps the older ARI calls Patchbay uses, so the newest version ari4java has is the best guess. */
    static AriVersion newestKnown() {
        AriVersion newest = AriVersion.ARI_10_0_0;
        for (AriVersion candidate : AriVersion.values()) {
            if (candidate != AriVersion.IM_FEELING_LUCKY && compare(candidate.version(), newest.version()) > 0) {
                newest = candidate;
            }
        }
        return newest;
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int diff = Integer.parseInt(x[i]) - Integer.parseInt(y[i]);
            if (diff != 0) {
                return diff;
            }
        }
        return x.length - y.length;
    }
}
