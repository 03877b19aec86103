package org.patchbay.server.simulate;

import org.patchbay.core.events.CallEvent;
import org.patchbay.core.events.CallStatusChanged;
import org.patchbay.core.events.InstructionFetched;

import java.time.Instant;

/**
 * One thing that happened in the call, in order: an event Patchbay published or what the caller did.
 *
 * @param simAt the simulated Asterisk's clock when it happened, the clock of what the caller heard:
 *              how media is put in its place between steps
 * @param at    wall-clock time, the clock of Patchbay's notifications
 */
record Step(long simAt, Instant at, CallEvent event, CallerAction action) {

    static Step observed(CallEvent event, long simAt) {
        return new Step(simAt, event.time(), event, null);
    }

    static Step acted(CallerAction action, long simAt) {
        return new Step(simAt, Instant.now(), null, action);
    }

    /** Whether this step is the call's final status. */
    boolean callEnded() {
        return event instanceof CallStatusChanged status && status.progress().equals("completed")
                && status.call().parentCallSid() == null;
    }

    /** The instruction request this step is, or null when it is something else. */
    InstructionFetched fetch() {
        return event instanceof InstructionFetched fetched ? fetched : null;
    }
}
