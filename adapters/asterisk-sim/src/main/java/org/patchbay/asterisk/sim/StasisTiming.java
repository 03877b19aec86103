package org.patchbay.asterisk.sim;

/**
 * When a channel entered Stasis and when the app first asked to play media on it, so benchmarks can
 * measure how fast the app reacts. Times are real monotonic microseconds ({@code System.nanoTime()}
 * based, whatever the time scale): only differences between them mean anything.
 *
 * @param channelId         the channel that entered Stasis
 * @param stasisStartMicros when its {@code StasisStart} was written to the app's events socket
 * @param firstPlayMicros   when the first {@code POST /channels/{id}/play[/{playbackId}]} for it arrived
 *                          (authenticated); null while there was none
 */
public record StasisTiming(String channelId, long stasisStartMicros, Long firstPlayMicros) {
}
