package org.patchbay.core.call;

import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;

import java.time.Instant;

/**
 * The stored record of one call leg, as the REST API shows it.
 *
 * @param startTime when the call was answered (null until then)
 * @param duration  whole seconds from answer to end; null while the call is live
 * @param channelId the Asterisk channel carrying the call
 * @param node      the Patchbay instance running the call
 */
public record CallRecord(
        String sid,
        String accountSid,
        String parentCallSid,
        String from,
        String to,
        String callerName,
        String forwardedFrom,
        CallStatus status,
        Direction direction,
        String phoneNumberSid,
        Instant dateCreated,
        Instant dateUpdated,
        Instant startTime,
        Instant endTime,
        Long duration,
        String answeredBy,
        String channelId,
        String node) implements Resource {

    /** Finds the call carried by an Asterisk channel (after a restart, to settle calls left behind). */
    public static final String BY_CHANNEL = "channel";
    public static final ResourceKind<CallRecord> KIND =
            ResourceKind.of("calls", CallRecord.class, BY_CHANNEL, CallRecord::channelId);

    public CallRecord withStatus(CallStatus newStatus, Instant at) {
        return new CallRecord(sid, accountSid, parentCallSid, from, to, callerName, forwardedFrom, newStatus, direction,
                phoneNumberSid, dateCreated, at, startTime, endTime, duration, answeredBy, channelId, node);
    }

    public CallRecord answeredAt(Instant at) {
        return new CallRecord(sid, accountSid, parentCallSid, from, to, callerName, forwardedFrom, CallStatus.IN_PROGRESS,
                direction, phoneNumberSid, dateCreated, at, at, endTime, duration, answeredBy, channelId, node);
    }

    public CallRecord endedAt(CallStatus finalStatus, Instant at) {
        long seconds = startTime == null ? 0 : Math.max(0, (at.toEpochMilli() - startTime.toEpochMilli()) / 1000);
        return new CallRecord(sid, accountSid, parentCallSid, from, to, callerName, forwardedFrom, finalStatus, direction,
                phoneNumberSid, dateCreated, at, startTime, at, seconds, answeredBy, channelId, node);
    }

    public CallRecord withChannel(String newChannelId) {
        return new CallRecord(sid, accountSid, parentCallSid, from, to, callerName, forwardedFrom, status, direction,
                phoneNumberSid, dateCreated, Instant.now(), startTime, endTime, duration, answeredBy, newChannelId, node);
    }
}
