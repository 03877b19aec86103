package org.patchbay.core.call;

import io.vertx.core.Future;
import org.patchbay.core.telephony.RecordRequest;

/**
 * The PBX requests a verb may make for its call: the only way verbs reach the PBX. Requests about the
 * call's channel, or that would add to what the call holds, fail once the call has ended (as a request
 * to a gone channel does, 404) without reaching the PBX; releasing what it made (a bridge, a recording
 * still finishing) is always allowed.
 */
public interface CallPbx {

    /** Lets the caller hear the PBX's ringing (before answer). */
    Future<Void> ring();

    /** DTMF to the call's channel (Play digits, Dial sendDigits). */
    Future<Void> sendDigits(String digits);

    Future<Void> startMusicOnHold();

    Future<Void> stopMusicOnHold();

    /** Records the call's channel. */
    Future<Void> record(RecordRequest request);

    Future<Void> recordBridge(String bridgeId, RecordRequest request);

    /** A snoop channel on the call's channel (see {@link org.patchbay.core.telephony.Telephony#snoop}). */
    Future<Void> snoop(String snoopId, String spy, java.util.List<String> appArgs);

    /** Hangs up a channel this call made (a snoop); allowed after the end, so nothing it made outlives it. */
    Future<Void> hangUpOwnChannel(String otherChannelId);

    /** Records another channel of this call (its snoop channel). */
    Future<Void> recordChannel(String otherChannelId, RecordRequest request);

    /** Allowed after the end: a recording may still be finishing. */
    Future<Void> stopRecording(String name);

    /** A mixing bridge named by its id. */
    Future<Void> createBridge(String bridgeId);

    Future<Void> addToBridge(String bridgeId, String channelId);

    /** Allowed after the end: what the call made is released whoever hung up. */
    Future<Void> destroyBridge(String bridgeId);

    /**
     * An external media channel {@code mediaChannelId} with its audio link open (Media Streams); the caller of
     * this method claims the channel's events first. Closing the link hangs the channel up.
     */
    Future<org.patchbay.core.telephony.MediaLink> externalMedia(String mediaChannelId);
}
