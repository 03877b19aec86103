package org.patchbay.asterisk.sim.engine;

import org.patchbay.asterisk.sim.AmdCallee;

/**
 * What {@code AMD()} concludes about a callee and when (ms after answer), following app_amd's rules on the callee's
 * audio: speech longer than {@code greeting} is a machine, silence of {@code afterGreetingSilence} after shorter speech
 * a human, no speech within {@code initialSilence} a machine (INITIALSILENCE), and past {@code totalAnalysisTime} it is
 * not sure. The figures are those of the capture PBX: a machine greeting starts 1.31 s after answer, a hello runs from
 * 0.29 s to 1.69 s, AMD's silence count overshoots by one 5 ms step, and with no frames at all it gives up 30 ms late
 * and reports 75 ms less than the total.
 *
 * @param speechEndsAt when the callee stops talking (for a wait for the greeting's end), or -1 when it never talked
 */
record AmdVerdict(String status, String cause, long atMillis, long speechEndsAt) {
    static final long MACHINE_SPEECH_FROM = 1310;
    static final long MACHINE_SPEECH_MS = 7000;
    static final long HUMAN_SPEECH_FROM = 290;
    static final long HUMAN_SPEECH_MS = 1400;
    static final long FAX_TONE_AT = 500;

    static AmdVerdict of(AmdCallee callee, AmdTimings t) {
        return switch (callee) {
            case MACHINE -> speaker(t, MACHINE_SPEECH_FROM, MACHINE_SPEECH_MS);
            case HUMAN -> speaker(t, HUMAN_SPEECH_FROM, HUMAN_SPEECH_MS);
            case SILENT -> new AmdVerdict("NOTSURE", "TOOLONG-" + (t.totalAnalysisTime() - 75), t.totalAnalysisTime() + 30, -1);
            case FAX -> new AmdVerdict("FAX", "CNG", FAX_TONE_AT, -1);
        };
    }

    private static AmdVerdict speaker(AmdTimings t, long speechFrom, long speechMillis) {
        long speechEnd = speechFrom + speechMillis;
        AmdVerdict verdict;
        if (speechFrom > t.initialSilence()) {
            verdict = new AmdVerdict("MACHINE", "INITIALSILENCE-" + t.initialSilence() + "-" + t.initialSilence(),
                    t.initialSilence(), speechEnd);
        } else if (speechMillis >= t.greeting()) {
            verdict = new AmdVerdict("MACHINE", "LONGGREETING-" + t.greeting() + "-" + t.greeting(),
                    speechFrom + t.greeting(), speechEnd);
        } else {
            verdict = new AmdVerdict("HUMAN", "HUMAN-" + (t.afterGreetingSilence() + 5) + "-" + t.afterGreetingSilence(),
                    speechEnd + t.afterGreetingSilence(), speechEnd);
        }
        if (verdict.atMillis > t.totalAnalysisTime()) {
            return new AmdVerdict("NOTSURE", "TOOLONG-" + t.totalAnalysisTime(), t.totalAnalysisTime(), speechEnd);
        }
        return verdict;
    }

    /** Whether Patchbay's context waits for this machine's greeting to end (not for INITIALSILENCE, as its GotoIf says). */
    boolean waitsForEnd(AmdTimings t) {
        return t.waitForEnd() && "MACHINE".equals(status) && !cause.startsWith("INITIALSILENCE");
    }
}
