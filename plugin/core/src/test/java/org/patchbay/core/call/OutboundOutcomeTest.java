package org.patchbay.core.call;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutboundOutcomeTest {

    @Test
    void dialStatusWinsOverTheCause() {
        assertEquals(CallStatus.BUSY, OutboundOutcome.of(0, "BUSY"));
        assertEquals(CallStatus.FAILED, OutboundOutcome.of(16, "CONGESTION"));
        assertEquals(CallStatus.NO_ANSWER, OutboundOutcome.of(0, "NOANSWER"));
    }

    @Test
    void q850CausesMapToTwilioStatuses() {
        assertEquals(CallStatus.BUSY, OutboundOutcome.of(17, null));
        assertEquals(CallStatus.NO_ANSWER, OutboundOutcome.of(19, null));
        assertEquals(CallStatus.FAILED, OutboundOutcome.of(34, null));
        assertEquals(CallStatus.FAILED, OutboundOutcome.of(0, null));
    }
}
