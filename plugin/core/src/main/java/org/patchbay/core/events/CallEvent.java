package org.patchbay.core.events;

import org.patchbay.core.call.CallRecord;

/** An event of one call: it belongs to the call's account and is about its CallSid. */
public sealed interface CallEvent extends PlatformEvent
        permits CallStatusChanged, CallRedirected, InstructionFetched, GatherStarted, RecordStarted, VerbStarted {

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
}
