package org.patchbay.core.telephony;

/** Something that claimed PBX resources and takes their events (a call session, a conference room). */
@FunctionalInterface
public interface EventSink {
    /** Called on the router's context; the sink moves the event onto its own context. */
    void deliver(TelephonyEvent event);
}
