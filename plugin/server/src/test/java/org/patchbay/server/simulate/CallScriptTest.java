package org.patchbay.server.simulate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallScriptTest {

    @Test
    void eachLineIsWhatTheCallerDoesAtOnePrompt() {
        CallScript script = CallScript.parse(List.of("# a comment", "", "1", "42#", "press #9", "-", "nothing",
                "speak 3", "speak 1.5 #", "HANGUP"), "script");
        assertEquals(List.of(new CallerAction.Press("1"), new CallerAction.Press("42#"), new CallerAction.Press("#9"),
                new CallerAction.Nothing(), new CallerAction.Nothing(), new CallerAction.Speak(3, null),
                new CallerAction.Speak(1.5, "#"), new CallerAction.HangUp()), script.actions());
    }

    @Test
    void promptsPastTheLastLineGetNoInput() {
        CallScript script = CallScript.parse(List.of("1"), "script");
        assertEquals(new CallerAction.Nothing(), script.at(1));
    }

    @Test
    void theTranscriptTellsWhatTheCallerDid() {
        assertEquals("speaks for 3 s, then presses #", new CallerAction.Speak(3, "#").describe());
        assertEquals("speaks for 1.5 s", new CallerAction.Speak(1.5, null).describe());
        assertEquals("presses 1w2", new CallerAction.Press("1w2").describe());
    }

    @Test
    void aBadLineIsReportedWithItsNumber() {
        BadOptionException e = assertThrows(BadOptionException.class,
                () -> CallScript.parse(List.of("1", "# fine", "press 1 2"), "ivr.txt"));
        assertTrue(e.getMessage().startsWith("ivr.txt line 3: expected 'press DIGITS'"), e.getMessage());
        assertThrows(BadOptionException.class, () -> CallScript.parse(List.of("speak 0"), "s"));
        assertThrows(BadOptionException.class, () -> CallScript.parse(List.of("12x"), "s"));
    }
}
