package org.patchbay.asterisk.sim.engine;

/** Channel unique ids ({@code <epochSeconds>.<seq>}) and the 8-hex suffix Asterisk puts in channel names. */
final class Ids {
    private final SimClock clock;
    private long sequence = 100;
    private int nameCounter = 0x30;

    Ids(SimClock clock) {
        this.clock = clock;
    }

    String nextUniqueId() {
        return clock.nowMillis() / 1000 + "." + sequence++;
    }

    String nextNameSuffix() {
        return String.format("%08x", nameCounter++);
    }
}
