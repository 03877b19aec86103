package org.patchbay.adapters.http;

/**
 * Bounds of one request.
 *
 * @param totalTimeoutMs everything, from asking for a connection to the last byte
 * @param maxBodyBytes   bytes of body kept; past them the reply is marked truncated and the
 *                       connection abandoned, so a huge or endless body costs nothing more
 */
record ExchangeLimits(long connectTimeoutMs, long readTimeoutMs, long totalTimeoutMs, int maxBodyBytes) {
}
