package org.patchbay.core.conference;

import io.vertx.core.Future;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;

/**
 * What the REST API may do to the conferences running on this node. Each method fails with a
 * {@link PatchbayException} when the conference (or the call in it) is not live here.
 */
public interface LiveConferences {

    /** Ends the conference: every participant leaves and carries on after its {@code <Dial>}. */
    Future<Conference> end(String accountSid, String conferenceSid);

    /** Mutes, holds or changes what happens when the participant leaves. */
    Future<Participant> change(String accountSid, String conferenceSid, String callSid, ParticipantChange change);

    /**
     * Plays the announcement document at {@code url} to the whole conference, or only to the
     * participant {@code callSid} when it is not null.
     */
    Future<Void> announce(String accountSid, String conferenceSid, String callSid, String url, String method);

    /** Takes the participant out of the conference; its call carries on after its {@code <Dial>}. */
    Future<Void> kick(String accountSid, String conferenceSid, String callSid);

    /**
     * Makes ready for a call the REST API dials into the conference {@code name}: answers the SID of the
     * live room, or of the room the call will open when it joins (kept for {@code holdMillis}), and
     * gives the participant {@code label} (may be null) when it joins, or now if it already has.
     */
    Future<String> prepare(String accountSid, String name, String callSid, String label, long holdMillis);

    /** No conference runs here (an API without a PBX). */
    static LiveConferences none() {
        return new LiveConferences() {
            @Override
            public Future<Conference> end(String accountSid, String conferenceSid) {
                return Future.failedFuture(notLive(conferenceSid));
            }

            @Override
            public Future<Participant> change(String accountSid, String conferenceSid, String callSid, ParticipantChange change) {
                return Future.failedFuture(notLive(conferenceSid));
            }

            @Override
            public Future<String> prepare(String accountSid, String name, String callSid, String label, long holdMillis) {
                return Future.failedFuture(notLive(name));
            }

            @Override
            public Future<Void> announce(String accountSid, String conferenceSid, String callSid, String url, String method) {
                return Future.failedFuture(notLive(conferenceSid));
            }

            @Override
            public Future<Void> kick(String accountSid, String conferenceSid, String callSid) {
                return Future.failedFuture(notLive(conferenceSid));
            }
        };
    }

    static PatchbayException notLive(String conferenceSid) {
        return new PatchbayException(400, ErrorCode.INVALID_CALL_STATE,
                "Conference " + conferenceSid + " is not in progress on this Patchbay node");
    }
}
