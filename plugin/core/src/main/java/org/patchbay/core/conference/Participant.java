package org.patchbay.core.conference;

import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;

import java.time.Instant;

/**
 * A call in a conference. A call is in one conference at a time, so the participant is keyed by
 * its call SID. Status: {@code connected} while in, {@code complete} once it left.
 */
public record Participant(
        String callSid,
        String accountSid,
        String conferenceSid,
        boolean muted,
        boolean startConferenceOnEnter,
        boolean endConferenceOnExit,
        String status,
        Instant dateCreated,
        Instant dateUpdated) implements Resource {

    public static final ResourceKind<Participant> KIND = ResourceKind.of("participants", Participant.class);

    @Override
    public String sid() {
        return callSid;
    }

    public Participant withStatus(String newStatus) {
        return new Participant(callSid, accountSid, conferenceSid, muted, startConferenceOnEnter, endConferenceOnExit,
                newStatus, dateCreated, Instant.now());
    }
}
