package org.patchbay.core.conference;

/** What became of a call asking to join a conference or queue. */
public enum JoinResult {
    /** In the conference now. */
    LIVE,
    /** Waiting: for a call that starts the conference, or in the queue for someone to take it. */
    WAITING,
    /** The conference or queue is full (or just ended): the call carries on with its next verb. */
    FULL
}
