package org.patchbay.core.usage;

/** Which counter of a usage record a trigger watches ({@code TriggerBy}). */
public enum TriggerBy {
    COUNT("count"),
    USAGE("usage"),
    PRICE("price");

    private final String wire;

    TriggerBy(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static TriggerBy fromWire(String value) {
        for (TriggerBy by : values()) {
            if (by.wire.equals(value)) {
                return by;
            }
        }
        return null;
    }
}
