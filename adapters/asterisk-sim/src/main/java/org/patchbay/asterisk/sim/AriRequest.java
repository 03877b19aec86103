package org.patchbay.asterisk.sim;

/**
 * One ARI request the sim received.
 *
 * @param sequence increases by one per request, from 1
 * @param method   HTTP method
 * @param path     path below {@code /ari}, e.g. {@code /channels/1795477005.117/answer}
 * @param query    the raw query string, without {@code ?}; empty when there was none
 * @param atMillis simulated epoch milliseconds when it arrived
 */
public record AriRequest(long sequence, String method, String path, String query, long atMillis) {
}
