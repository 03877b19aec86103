package org.patchbay.server.simulate;

import org.patchbay.core.call.CallEvent;

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
        return new Step(simAt, event.at(), event, null);
    }

    static Step acted(CallerAction action, long simAt) {
        return new Step(simAt, Instant.now(), null, action);
    }

    boolean is(String type) {
        return event != null && event.type().equals(type);
    }
}
