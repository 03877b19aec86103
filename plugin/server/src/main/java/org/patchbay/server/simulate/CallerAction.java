package org.patchbay.server.simulate;

/** What the simulated caller does when Patchbay waits for them (a Gather waiting for keys, a Record starting). */
sealed interface CallerAction {

    /** How the transcript tells it, after "caller ". */
    String describe();

    /** Presses keys; {@code w} pauses half a second, as on a phone's dialler. */
    record Press(String digits) implements CallerAction {
        @Override
        public String describe() {
            return "presses " + digits;
        }
    }

    /** Does nothing: the Gather times out, the Record hears silence. */
    record Nothing() implements CallerAction {
        @Override
        public String describe() {
            return "presses nothing";
        }
    }

    /** Speaks for a while (simulated seconds), then may press keys, e.g. # to end a Record. */
    record Speak(double seconds, String digitsAfter) implements CallerAction {
        @Override
        public String describe() {
            String said = "speaks for " + CallScript.seconds(seconds) + " s";
            return digitsAfter == null ? said : said + ", then presses " + digitsAfter;
        }
    }

    /** Hangs up. */
    record HangUp() implements CallerAction {
        @Override
        public String describe() {
            return "hangs up";
        }
    }
}
