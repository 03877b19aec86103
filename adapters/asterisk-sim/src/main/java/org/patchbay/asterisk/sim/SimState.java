package org.patchbay.asterisk.sim;

import java.util.List;

/** What is alive in the sim right now, by id (recordings by name); tests use it to check nothing leaked. */
public record SimState(List<String> channels, List<String> bridges, List<String> playbacks,
                       List<String> liveRecordings) {

    public boolean idle() {
        return channels.isEmpty() && bridges.isEmpty() && playbacks.isEmpty() && liveRecordings.isEmpty();
    }
}
