package org.patchbay.core.call;

/** Twilio's call status values, spelled as on the wire. */
public enum CallStatus {
    QUEUED("queued"),
    RINGING("ringing"),
    IN_PROGRESS("in-progress"),
    COMPLETED("completed"),
    BUSY("busy"),
    FAILED("failed"),
    NO_ANSWER("no-answer"),
    CANCELED("canceled");

    private final String wire;

    CallStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public boolean isFinal() {
        return ordinal() >= COMPLETED.ordinal();
    }

    public static CallStatus fromWire(String value) {
        for (CallStatus status : values()) {
            if (status.wire.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown call status: " + value);
    }

    @Override
    public String toString() {
        return wire;
    }
}
