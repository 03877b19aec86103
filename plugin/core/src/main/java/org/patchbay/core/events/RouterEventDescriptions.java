package org.patchbay.core.events;

import java.util.ArrayList;
import java.util.List;

/** The catalog's entries for what the call engine publishes besides status, fetches and starts, and the republished ARI events. */
final class RouterEventDescriptions {
    private static final String CHANNEL_SCHEMA = "io.patchbay.channel";

    static final List<EventDescription> ALL = all();

    private RouterEventDescriptions() {
    }

    private static List<EventDescription> all() {
        List<EventDescription> all = new ArrayList<>(List.of(
                EventDescription.of(GatherCompleted.TYPE, "A <Gather> ended, with the keys pressed.",
                        "when a <Gather> ends by numDigits, finishOnKey or its timeout (digits empty)"),
                EventDescription.of(RecordCompleted.TYPE, "A <Record> ended, with its recording.",
                        "when the recording is stored, before its action is requested"),
                EventDescription.of(DialCompleted.TYPE, "A <Dial> ended, with what its action is told.",
                        "when the dialled party hangs up, no one answers, or the caller leaves"),
                EventDescription.of(ConferenceParticipantJoined.TYPE, "A call joined a conference.",
                        "when a <Conference> noun places the call in the room (or it waits for the moderator)"),
                EventDescription.of(ConferenceParticipantLeft.TYPE, "A call left a conference.",
                        "when the call leaves the room, is removed, or the conference ends"),
                EventDescription.of(QueueMemberJoined.TYPE, "A call was placed in a queue.",
                        "when <Enqueue> puts the caller in line"),
                EventDescription.of(QueueMemberLeft.TYPE, "A call left a queue.",
                        "when the caller is bridged to an agent, leaves (<Leave>) or hangs up"),
                EventDescription.of(NotificationLogged.TYPE, "A Notification (error or warning) was logged.",
                        "whenever Patchbay stores a Notification about a call or an account")));
        for (String ari : ChannelEventRepublished.ariTypes()) {
            all.add(new EventDescription(EventType.of(ChannelEventRepublished.PREFIX + ari), CHANNEL_SCHEMA,
                    "Asterisk's " + ari + " event about one of a call's resources.",
                    "when Asterisk reports " + ari + " for a channel, playback, recording or bridge of the call"));
        }
        return List.copyOf(all);
    }
}
