package org.patchbay.core.telephony;

/**
 * What Asterisk says about a channel at one moment.
 *
 * @param state Asterisk's channel state: Down, Rsrvd, OffHook, Dialing, Ring, Ringing, Up, Busy, ...
 * @param exten the dialplan extension the channel was in when it entered Stasis (the dialled number)
 */
public record ChannelSnapshot(
        String id,
        String name,
        String state,
        String callerName,
        String callerNumber,
        String connectedName,
        String connectedNumber,
        String context,
        String exten,
        String language) {

    public boolean isUp() {
        return "Up".equals(state);
    }
}
