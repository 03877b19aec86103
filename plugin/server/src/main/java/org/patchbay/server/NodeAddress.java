package org.patchbay.server;

import org.patchbay.core.sid.Sids;

import java.lang.management.ManagementFactory;

/** How a running Patchbay names itself to other nodes, and the URL it gives Asterisk when none is configured. */
final class NodeAddress {
    private NodeAddress() {
    }

    /** Unique per running instance (two may share a host or a JVM), so a restarted node is a new node. */
    static String newNodeId() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + Sids.secret().substring(0, 8);
    }

    /** The HTTP address itself; a wildcard listen address is reached as 127.0.0.1. */
    static String defaultPublicUrl(String httpHost, int port) {
        String host = httpHost;
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "127.0.0.1";
        }
        return "http://" + host + ":" + port;
    }
}
