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
            ResourceKind.of("calls", CallRecord.class, BY_CHANNEL, CallRecord::channelId)
                    .withListIndex("to", CallRecord::to).withListIndex("from", CallRecord::from)
                    .withListIndex("status", call -> call.status() == null ? null : call.status().wire())
                    .withListIndex("parentCallSid", CallRecord::parentCallSid)
                    .withTimeField("startTime", CallRecord::startTime).withTimeField("endTime", CallRecord::endTime);

    /** A new call leg: created (and last updated) at {@code created}; the rest is set on the builder. */
    public static CallRecordBuilder newCall(String sid, String accountSid, Direction direction, CallStatus status,
                                            Instant created) {
        return new CallRecordBuilder().sid(sid).accountSid(accountSid).direction(direction).status(status)
                .created(created).updated(created);
    }

    public CallRecordBuilder toBuilder() {
        return new CallRecordBuilder(this);
    }

    public CallRecord withStatus(CallStatus newStatus, Instant at) {
        return toBuilder().status(newStatus).updated(at).build();
    }

    public CallRecord answeredAt(Instant at) {
        return toBuilder().status(CallStatus.IN_PROGRESS).updated(at).times(at, endTime, duration).build();
    }

    public CallRecord endedAt(CallStatus finalStatus, Instant at) {
        long seconds = startTime == null ? 0 : Math.max(0, (at.toEpochMilli() - startTime.toEpochMilli()) / 1000);
        return toBuilder().status(finalStatus).updated(at).times(startTime, at, seconds).build();
    }

    public CallRecord withChannel(String newChannelId) {
        return toBuilder().updated(Instant.now()).carriedBy(newChannelId, node).build();
    }
}
