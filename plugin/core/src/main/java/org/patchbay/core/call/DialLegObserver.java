package org.patchbay.core.call;

/**
 * What a dialled leg tells the {@code <Dial>} that placed it. Legs run on the caller's context,
 * so these calls arrive in order with the caller's own events and need no hand-over.
 */
public interface DialLegObserver {

    /** The callee answered and (after any screening document) is ready to be connected. */
    void ready(CallLeg leg);

    /** The leg is over, with its final status; for an answered leg its record holds the duration. */
    void ended(CallLeg leg, CallStatus status);
}
