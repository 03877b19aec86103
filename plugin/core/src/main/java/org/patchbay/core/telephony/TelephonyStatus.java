package org.patchbay.core.telephony;

/** How Patchbay's link to Asterisk stands, for /health and the operator. */
public record TelephonyStatus(State state, String asteriskVersion, String ariVersion, String detail) {

    public enum State {
        CONNECTED, CONNECTING, DOWN;

        public String wireName() {
            return name().toLowerCase();
        }
    }
}
