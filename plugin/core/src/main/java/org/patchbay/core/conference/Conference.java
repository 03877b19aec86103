package org.patchbay.core.conference;

import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;

import java.time.Instant;

/**
 * A named conference of an account: {@code init} while participants wait for a moderator,
 * {@code in-progress} once started, {@code completed} when it ended.
 */
public record Conference(
        String sid,
        String accountSid,
        String friendlyName,
        String status,
        String reasonConferenceEnded,
        String callSidEndingConference,
        Instant dateCreated,
        Instant dateUpdated) implements Resource {

    public static final ResourceKind<Conference> KIND = ResourceKind.of("conferences", Conference.class);

    public Conference with(String newStatus, String reason, String endingCallSid) {
        return new Conference(sid, accountSid, friendlyName, newStatus, reason, endingCallSid, dateCreated, Instant.now());
    }
}
