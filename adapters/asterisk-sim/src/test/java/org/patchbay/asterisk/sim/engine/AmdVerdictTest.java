package org.patchbay.asterisk.sim.engine;

import org.junit.jupiter.api.Test;
import org.patchbay.asterisk.sim.AmdCallee;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sim's AMD(): the captured results with amd.conf's defaults, and app_amd's rules when Patchbay passes timings. */
class AmdVerdictTest {
    private static final AmdTimings DEFAULTS = AmdTimings.of(Map.of());

    @Test
    void withAmdConfsDefaultsTheCapturedResultsComeAtTheCapturedTimes() {
        assertEquals(new AmdVerdict("MACHINE", "LONGGREETING-1500-1500", 2810, 8310), AmdVerdict.of(AmdCallee.MACHINE, DEFAULTS));
        assertEquals(new AmdVerdict("HUMAN", "HUMAN-805-800", 2490, 1690), AmdVerdict.of(AmdCallee.HUMAN, DEFAULTS));
        assertEquals(new AmdVerdict("NOTSURE", "TOOLONG-4925", 5030, -1), AmdVerdict.of(AmdCallee.SILENT, DEFAULTS));
    }

    @Test
    void patchbaysVariablesAreAmdsArguments() {
        AmdTimings shortGreeting = AmdTimings.of(Map.of("PATCHBAY_AMD_GREETING", "1000", "PATCHBAY_AMD_MODE", "Enable"));
        assertEquals("MACHINE", AmdVerdict.of(AmdCallee.HUMAN, shortGreeting).status(), "a 1.4 s hello is a long greeting");
        AmdTimings quickSilence = AmdTimings.of(Map.of("PATCHBAY_AMD_INITIAL_SILENCE", "1000"));
        assertEquals("INITIALSILENCE-1000-1000", AmdVerdict.of(AmdCallee.MACHINE, quickSilence).cause());
        AmdTimings shortTotal = AmdTimings.of(Map.of("PATCHBAY_AMD_TOTAL_TIME", "2000"));
        assertEquals(new AmdVerdict("NOTSURE", "TOOLONG-2000", 2000, 1690), AmdVerdict.of(AmdCallee.HUMAN, shortTotal));
        assertEquals(1500, AmdTimings.of(Map.of("PATCHBAY_AMD_GREETING", "")).greeting(), "empty: amd.conf's value");
    }

    @Test
    void onlyAMachineIsWaitedOutAndOnlyForDetectMessageEnd() {
        AmdTimings messageEnd = AmdTimings.of(Map.of("PATCHBAY_AMD_MODE", "DetectMessageEnd"));
        assertTrue(AmdVerdict.of(AmdCallee.MACHINE, messageEnd).waitsForEnd(messageEnd));
        assertFalse(AmdVerdict.of(AmdCallee.HUMAN, messageEnd).waitsForEnd(messageEnd));
        assertFalse(AmdVerdict.of(AmdCallee.MACHINE, DEFAULTS).waitsForEnd(DEFAULTS));
        AmdTimings silentStart = AmdTimings.of(Map.of("PATCHBAY_AMD_MODE", "DetectMessageEnd", "PATCHBAY_AMD_INITIAL_SILENCE", "1000"));
        assertFalse(AmdVerdict.of(AmdCallee.MACHINE, silentStart).waitsForEnd(silentStart), "INITIALSILENCE is not waited out");
    }
}
