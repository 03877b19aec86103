package org.patchbay.core.twiml;

import java.util.Map;

/**
 * {@code <Stream>}: the call's audio over a WebSocket to {@code url} ({@code ws://} or {@code wss://}) in Twilio's
 * Media Streams format.
 *
 * @param track      {@code inbound_track}, {@code outbound_track} or {@code both_tracks}
 * @param parameters the nested {@code <Parameter name value>}s, sent as the start message's customParameters
 */
public record Stream(String url, String name, String track, String statusCallback, String statusCallbackMethod,
                     Map<String, String> parameters) {
}
