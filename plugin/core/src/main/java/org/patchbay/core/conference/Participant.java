package org.patchbay.core.conference;

import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;

import java.time.Instant;

/**
 * A call in a conference. A call is in one conference at a time, so the participant is keyed by
 * its call SID. Status: {@code connected} while in, {@code complete} once it left.
 *
 * @param hold  taken out of the conference's audio, hearing hold music or the hold document
 * @param label the name the REST API gave the participant when it dialled it in, or null
 */
public record Participant(
        String callSid,
        String accountSid,
        String conferenceSid,
        boolean muted,
        boolean hold,
        boolean startConferenceOnEnter,
        boolean endConferenceOnExit,
        String label,
        String status,
        Instant dateCreated,
        Instant dateUpdated) implements Resource {

    public static final ResourceKind<Participant> KIND = ResourceKind.of("participants", Participant.class);

    @Override
    public String sid() {
        return callSid;
    }

    public Participant withStatus(String newStatus) {
        return new Participant(callSid, accountSid, conferenceSid, muted, hold, startConferenceOnEnter, endConferenceOnExit,
                label, newStatus, dateCreated, Instant.now());
    }

    public Participant labelled(String newLabel) {
        return new Participant(callSid, accountSid, conferenceSid, muted, hold, startConferenceOnEnter, endConferenceOnExit,
                newLabel, status, dateCreated, Instant.now());
    }

    public Participant changed(boolean newMuted, boolean newHold, boolean newEndConferenceOnExit) {
        return new Participant(callSid, accountSid, conferenceSid, newMuted, newHold, startConferenceOnEnter,
                newEndConferenceOnExit, label, status, dateCreated, Instant.now());
    }
}
