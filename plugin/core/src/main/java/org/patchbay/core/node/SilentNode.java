package org.patchbay.core.node;

import java.time.Instant;

/**
 * A node whose heartbeat expired: it crashed, was killed or lost its link to the store.
 *
 * @param lastBeat when it last said it was alive: the last moment its calls are known to have lasted
 */
public record SilentNode(String node, Instant lastBeat) {
}
