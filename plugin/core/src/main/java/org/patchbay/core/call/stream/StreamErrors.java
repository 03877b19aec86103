package org.patchbay.core.call.stream;

/**
 * Notification codes of Media Streams, in Twilio's 3192x "Stream - WebSocket" range. 31920 (handshake) and
 * 31924 (protocol error, here: a message Patchbay cannot use) are Twilio's; 31925 for an app that stopped reading
 * and 31900 for a PBX that gave no external media channel are Patchbay's choices, as Twilio documents none.
 */
public final class StreamErrors {
    /** The WebSocket to the app could not be opened (refused upgrade, connection failure). */
    public static final int HANDSHAKE = 31920;
    /** The app sent a message Patchbay cannot use (not JSON, a media payload that is not base64, ...). */
    public static final int PROTOCOL = 31924;
    /** The app did not read its socket for {@link StreamRelay#STALL_MILLIS} ms and was disconnected. */
    public static final int APP_NOT_READING = 31925;
    /** The PBX could not give the call an external media channel (Patchbay's code). */
    public static final int MEDIA_UNAVAILABLE = 31900;

    private StreamErrors() {
    }
}
