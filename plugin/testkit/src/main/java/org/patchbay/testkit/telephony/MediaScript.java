package org.patchbay.testkit.telephony;

/**
 * How the memory PBX ends playbacks and recordings. {@code HOLD} leaves them running until the test
 * ends them ({@link MemoryCall#finishPlayback()}, {@link MemoryCall#finishRecording(int)}), presses a
 * key or hangs up; {@code FAIL} is missing media or a recording Asterisk could not write.
 *
 * @param recordedSeconds the duration a recording that finishes by itself reports
 */
public record MediaScript(Outcome playbacks, Outcome recordings, int recordedSeconds) {
    public enum Outcome { FINISH, HOLD, FAIL }

    /** Every playback plays to its end at once; every recording finishes with 3 seconds of audio. */
    public static MediaScript finishing() {
        return new MediaScript(Outcome.FINISH, Outcome.FINISH, 3);
    }

    /** Playbacks and recordings run until the test (or the caller) ends them. */
    public static MediaScript holding() {
        return new MediaScript(Outcome.HOLD, Outcome.HOLD, 3);
    }

    public MediaScript withPlaybacks(Outcome outcome) {
        return new MediaScript(outcome, recordings, recordedSeconds);
    }

    public MediaScript withRecordings(Outcome outcome, int seconds) {
        return new MediaScript(playbacks, outcome, seconds);
    }
}
