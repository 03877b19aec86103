package org.patchbay.core.telephony;

/** How Patchbay's link to Asterisk stands, for /health and the operator. */
public record TelephonyStatus(State state, String asteriskVersion, String ariVersion, String detail) {

    public enum State {
        CONNECTED, CONNECTING, DOWN,
        /** Another ARI client connected as the same Stasis app: Asterisk sends new calls there, not here. */
        REPLACED;

        public String wireName() {
            return name().toLowerCase();
        }
    }
}
