package org.patchbay.core.twiml;

/** What {@code <Dial>} connects to. Number, Sip and Client ring in parallel; Conference and Queue stand alone. */
public sealed interface DialNoun permits DialNumber, DialSip, DialClient, DialConference, DialQueue {
}
