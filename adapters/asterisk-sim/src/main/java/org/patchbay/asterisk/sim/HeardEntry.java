package org.patchbay.asterisk.sim;

/**
 * One thing the far end of a call heard, in the order it started.
 *
 * @param kind     {@code playback} (media played to the call's channel), {@code bridge-playback} (media played
 *                 to a bridge the channel was in), {@code dtmf} (digits the app sent), {@code beep} (the
 *                 recording beep) or {@code moh} (music on hold on the channel or its bridge)
 * @param detail   the media URI, the digits, or the music class
 * @param outcome  {@code done}, {@code failed} or {@code stopped} (stopped by the app, or cut short by a hang-up
 *                 for MOH); {@code playing} while still going on; {@code sent} for DTMF
 * @param atMillis simulated epoch milliseconds when it started
 */
public record HeardEntry(String kind, String detail, String outcome, long atMillis) {
}
