package org.patchbay.core.call;

/** Which way a call goes, spelled as Twilio spells it. */
public enum Direction {
    INBOUND("inbound"),
    OUTBOUND_API("outbound-api"),
    OUTBOUND_DIAL("outbound-dial");

    private final String wire;

    Direction(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Direction fromWire(String value) {
        for (Direction direction : values()) {
            if (direction.wire.equals(value)) {
                return direction;
            }
        }
        throw new IllegalArgumentException("unknown direction: " + value);
    }

    @Override
    public String toString() {
        return wire;
    }
}
