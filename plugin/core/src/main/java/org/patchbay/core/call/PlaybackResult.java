package org.patchbay.core.call;

/** How a playback ended, as a verb executor needs to know it. */
public enum PlaybackResult {
    /** Played to the end. */
    DONE,
    /** Asterisk could not play the media. */
    FAILED,
    /** Stopped on purpose (barge-in). */
    STOPPED,
    /** The call ended or was redirected while it played. */
    INTERRUPTED
}
