package org.patchbay.asterisk.sim;

/** What a caller received from the bridge: the µ-law bytes (the latest 30 s) and how many frames came in all. */
public record ReceivedAudio(byte[] ulaw, int frames) {
}
