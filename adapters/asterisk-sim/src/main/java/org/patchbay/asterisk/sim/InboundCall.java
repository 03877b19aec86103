package org.patchbay.asterisk.sim;

/**
 * An inbound call started through the control API.
 *
 * @param callerChannelId the caller's leg ({@code Local/EXT@stasis-in-...;1})
 * @param channelId       the leg that enters the Stasis app ({@code ...;2}); the app sees only this one
 */
public record InboundCall(String callerChannelId, String channelId) {
}
