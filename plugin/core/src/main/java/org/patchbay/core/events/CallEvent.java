package org.patchbay.core.events;

import org.patchbay.core.call.CallRecord;

import java.util.LinkedHashMap;
import java.util.Map;

/** An event of one call: it belongs to the call's account and is about its CallSid. */
public sealed interface CallEvent extends PlatformEvent
        permits CallStatusChanged, CallRedirected, InstructionFetched, GatherStarted, GatherCompleted, RecordStarted,
        RecordCompleted, DialCompleted, ConferenceParticipantJoined, ConferenceParticipantLeft, QueueMemberJoined,
        QueueMemberLeft, ChannelEventRepublished, VerbStarted {

    /** The call as it was when the event happened. */
    CallRecord call();

    @Override
    default String accountSid() {
        return call().accountSid();
    }

    @Override
    default String subject() {
        return call().sid();
    }

    /** The call's direction, to and from, as subscriptions filter on them. */
    @Override
    default Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        if (call().direction() != null) {
            facts.put(EventFacts.DIRECTION, call().direction().wire());
        }
        if (call().to() != null) {
            facts.put(EventFacts.TO, call().to());
        }
        if (call().from() != null) {
            facts.put(EventFacts.FROM, call().from());
        }
        return facts;
    }
}
