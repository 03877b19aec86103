package org.patchbay.asterisk.sim.engine;

import java.util.Map;

/**
 * {@code AMD()}'s settings for one channel: the variables Patchbay's {@code patchbay-amd} context passes (an empty one
 * leaves amd.conf's default, as AMD does), and for {@code DetectMessageEnd} what {@code WaitForSilence()} is given.
 */
record AmdTimings(int initialSilence, int greeting, int afterGreetingSilence, int totalAnalysisTime, boolean waitForEnd,
                  int endSilence, int endTimeoutMs) {

    static AmdTimings of(Map<String, String> variables) {
        return new AmdTimings(number(variables, "PATCHBAY_AMD_INITIAL_SILENCE", 2500),
                number(variables, "PATCHBAY_AMD_GREETING", 1500),
                number(variables, "PATCHBAY_AMD_AFTER_GREETING_SILENCE", 800),
                number(variables, "PATCHBAY_AMD_TOTAL_TIME", 5000),
                "DetectMessageEnd".equals(variables.get("PATCHBAY_AMD_MODE")),
                number(variables, "PATCHBAY_AMD_END_SILENCE", 1200),
                number(variables, "PATCHBAY_AMD_END_TIMEOUT", 30) * 1000);
    }

    private static int number(Map<String, String> variables, String name, int fallback) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
