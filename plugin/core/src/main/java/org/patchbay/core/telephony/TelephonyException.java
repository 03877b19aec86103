package org.patchbay.core.telephony;

/**
 * A PBX command that failed. {@code status} is the ARI HTTP status (404 when the channel is gone,
 * 409 when it left Stasis, 0 when Asterisk could not be reached).
 */
public class TelephonyException extends RuntimeException {
    private final int status;

    public TelephonyException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The channel, playback, bridge or recording no longer exists: usually someone hung up. */
    public boolean isGone() {
        return status == 404 || status == 409;
    }
}
