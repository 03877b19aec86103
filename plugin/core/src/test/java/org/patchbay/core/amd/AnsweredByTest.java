package org.patchbay.core.amd;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The Stasis arguments of the patchbay-amd context (AMDSTATUS, AMDCAUSE, WAITSTATUS) as Twilio's AnsweredBy. */
class AnsweredByTest {

    @Test
    void theCapturedResultsMapToTwiliosValues() {
        assertEquals("machine_start", AnsweredBy.of(List.of("amd", "MACHINE", "LONGGREETING-1500-1500")));
        assertEquals("human", AnsweredBy.of(List.of("amd", "HUMAN", "HUMAN-805-800")));
        assertEquals("unknown", AnsweredBy.of(List.of("amd", "NOTSURE", "TOOLONG-4925")));
    }

    @Test
    void aMachineWhoseGreetingWasWaitedOutSaysHowItEnded() {
        assertEquals("machine_end_silence", AnsweredBy.of(List.of("amd", "MACHINE", "MAXWORDS-4-3", "SILENCE")));
        assertEquals("machine_end_other", AnsweredBy.of(List.of("amd", "MACHINE", "LONGGREETING-1500-1500", "TIMEOUT")));
        assertEquals("machine_end_other", AnsweredBy.of(List.of("amd", "MACHINE", "LONGGREETING-1500-1500", "HANGUP")));
    }

    @Test
    void initialSilenceIsUnknownAsTwilioSaysOfItsSilenceTimeout() {
        assertEquals("unknown", AnsweredBy.of(List.of("amd", "MACHINE", "INITIALSILENCE-2500-2500")));
    }

    @Test
    void aFaxAndAnythingElseAsteriskMightSay() {
        assertEquals("fax", AnsweredBy.of(List.of("amd", "FAX", "CNG")));
        assertEquals("unknown", AnsweredBy.of(List.of("amd", "HANGUP", "")));
        assertEquals("unknown", AnsweredBy.of(List.of("amd", "")));
    }

    @Test
    void channelsThatDidNotComeThroughDetectionHaveNone() {
        assertNull(AnsweredBy.of(List.of("outbound-api", "CA123")));
        assertNull(AnsweredBy.of(List.of("dial", "CA123")));
        assertNull(AnsweredBy.of(List.of("amd")));
        assertNull(AnsweredBy.of(List.of()));
        assertNull(AnsweredBy.of(null));
    }
}
