package org.patchbay.core.amd;

import org.junit.jupiter.api.Test;
import org.patchbay.core.telephony.OriginateRequest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** What the patchbay-amd context is handed: AMD()'s arguments from Twilio's timings, and WaitForSilence()'s for DetectMessageEnd. */
class MachineDetectionTest {
    private static final OriginateRequest STRAIGHT = new OriginateRequest("PJSIP/+15550001111", "CA1", null, "+15550002222",
            30, List.of("outbound-api", "CA1"), null, "ulaw", Map.of("KEPT", "yes"));

    @Test
    void twiliosTimingsBecomeAmdArgumentsInMilliseconds() {
        MachineDetection detection = new MachineDetection(MachineDetection.Mode.ENABLE, 12, 2400, 1200, 5000, false, null, null);
        assertEquals(Map.of("PATCHBAY_AMD_MODE", "Enable",
                "PATCHBAY_AMD_INITIAL_SILENCE", "5000",
                "PATCHBAY_AMD_GREETING", "2400",
                "PATCHBAY_AMD_AFTER_GREETING_SILENCE", "1200",
                "PATCHBAY_AMD_TOTAL_TIME", "12000"), detection.dialplanVariables());
    }

    @Test
    void timingsNotGivenAreLeftEmptySoAmdConfDecides() {
        MachineDetection detection = new MachineDetection(MachineDetection.Mode.ENABLE, null, null, null, null, false, null, null);
        assertEquals("", detection.dialplanVariables().get("PATCHBAY_AMD_TOTAL_TIME"));
        assertEquals("", detection.dialplanVariables().get("PATCHBAY_AMD_GREETING"));
        assertNull(detection.dialplanVariables().get("PATCHBAY_AMD_END_TIMEOUT"));
    }

    @Test
    void detectMessageEndWaitsForTheSpeechEndThresholdOfSilenceUpToTheTimeout() {
        MachineDetection defaults = new MachineDetection(MachineDetection.Mode.DETECT_MESSAGE_END, null, null, null, null,
                false, null, null);
        assertEquals("1200", defaults.dialplanVariables().get("PATCHBAY_AMD_END_SILENCE"));
        assertEquals("30", defaults.dialplanVariables().get("PATCHBAY_AMD_END_TIMEOUT"));
        MachineDetection given = new MachineDetection(MachineDetection.Mode.DETECT_MESSAGE_END, 10, null, 700, null,
                false, null, null);
        assertEquals("700", given.dialplanVariables().get("PATCHBAY_AMD_END_SILENCE"));
        assertEquals("10", given.dialplanVariables().get("PATCHBAY_AMD_END_TIMEOUT"));
    }

    @Test
    void aDetectingOriginateGoesToTheContextKeepingItsVariables() {
        MachineDetection detection = new MachineDetection(MachineDetection.Mode.ENABLE, null, null, null, null, true, "https://x", null);
        OriginateRequest routed = MachineDetection.route(STRAIGHT, detection);
        assertEquals("patchbay-amd", routed.dialplanContext());
        assertEquals("yes", routed.variables().get("KEPT"));
        assertEquals("Enable", routed.variables().get("PATCHBAY_AMD_MODE"));
        assertEquals("POST", detection.callbackMethod());
        assertSame(STRAIGHT, MachineDetection.route(STRAIGHT, null));
        assertNull(STRAIGHT.dialplanContext());
    }

    @Test
    void onlyTwiliosSpellingsAreModes() {
        assertEquals(MachineDetection.Mode.ENABLE, MachineDetection.Mode.parse("Enable"));
        assertEquals(MachineDetection.Mode.DETECT_MESSAGE_END, MachineDetection.Mode.parse("DetectMessageEnd"));
        assertNull(MachineDetection.Mode.parse("enable"));
        assertNull(MachineDetection.Mode.parse("Enabled"));
    }
}
