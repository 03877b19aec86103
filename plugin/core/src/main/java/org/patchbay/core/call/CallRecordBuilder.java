package org.patchbay.core.call;

import java.time.Instant;

/**
 * Builds a {@link CallRecord} by name rather than by 18 positions: a new call leg starts from
 * {@link CallRecord#newCall}, a change from {@link CallRecord#toBuilder()}; what is not set stays null.
 */
public final class CallRecordBuilder {
    private String sid;
    private String accountSid;
    private String parentCallSid;
    private String from;
    private String to;
    private String callerName;
    private String forwardedFrom;
    private CallStatus status;
    private Direction direction;
    private String phoneNumberSid;
    private Instant dateCreated;
    private Instant dateUpdated;
    private Instant startTime;
    private Instant endTime;
    private Long duration;
    private String answeredBy;
    private String channelId;
    private String node;

    CallRecordBuilder() {
    }

    CallRecordBuilder(CallRecord r) {
        sid = r.sid();
        accountSid = r.accountSid();
        parentCallSid = r.parentCallSid();
        from = r.from();
        to = r.to();
        callerName = r.callerName();
        forwardedFrom = r.forwardedFrom();
        status = r.status();
        direction = r.direction();
        phoneNumberSid = r.phoneNumberSid();
        dateCreated = r.dateCreated();
        dateUpdated = r.dateUpdated();
        startTime = r.startTime();
        endTime = r.endTime();
        duration = r.duration();
        answeredBy = r.answeredBy();
        channelId = r.channelId();
        node = r.node();
    }

    public CallRecordBuilder sid(String value) {
        sid = value;
        return this;
    }

    public CallRecordBuilder accountSid(String value) {
        accountSid = value;
        return this;
    }

    public CallRecordBuilder parentCallSid(String value) {
        parentCallSid = value;
        return this;
    }

    /** The calling and called parties. */
    public CallRecordBuilder between(String fromParty, String toParty) {
        from = fromParty;
        to = toParty;
        return this;
    }

    public CallRecordBuilder callerName(String value) {
        callerName = value;
        return this;
    }

    public CallRecordBuilder forwardedFrom(String value) {
        forwardedFrom = value;
        return this;
    }

    public CallRecordBuilder status(CallStatus value) {
        status = value;
        return this;
    }

    public CallRecordBuilder direction(Direction value) {
        direction = value;
        return this;
    }

    public CallRecordBuilder phoneNumberSid(String value) {
        phoneNumberSid = value;
        return this;
    }

    public CallRecordBuilder created(Instant value) {
        dateCreated = value;
        return this;
    }

    public CallRecordBuilder updated(Instant value) {
        dateUpdated = value;
        return this;
    }

    /** Answered at {@code start}; with {@code end}, ended then after {@code seconds} of talk. */
    public CallRecordBuilder times(Instant start, Instant end, Long seconds) {
        startTime = start;
        endTime = end;
        duration = seconds;
        return this;
    }

    public CallRecordBuilder answeredBy(String value) {
        answeredBy = value;
        return this;
    }

    /** The Asterisk channel carrying the call and the Patchbay node running it. */
    public CallRecordBuilder carriedBy(String channel, String nodeId) {
        channelId = channel;
        node = nodeId;
        return this;
    }

    public CallRecord build() {
        return new CallRecord(sid, accountSid, parentCallSid, from, to, callerName, forwardedFrom, status, direction,
                phoneNumberSid, dateCreated, dateUpdated, startTime, endTime, duration, answeredBy, channelId, node);
    }
}
