package org.patchbay.adapters.tts;

import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpeechIdTest {

    @Test
    void isStableHexAndDependsOnEveryInput() {
        String id = SpeechId.of("en-us", "Hello");

        assertTrue(SpeechId.isValid(id));
        assertEquals(id, SpeechId.of("en-us", "Hello"));
        assertNotEquals(id, SpeechId.of("en-us+f3", "Hello"));
        assertNotEquals(id, SpeechId.of("en-us", "Hello."));
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        assertNotEquals(SpeechId.of("en-us", "+f3 Hello"), SpeechId.of("en-us+f3", " Hello"));
    }

    @Test
    void onlyLowerCaseSha256HexIsValid() {
        assertFalse(SpeechId.isValid(null));
        assertFalse(SpeechId.isValid("a".repeat(63)));
        assertFalse(SpeechId.isValid("a".repeat(65)));
        assertFalse(SpeechId.isValid("A".repeat(64)));
        assertFalse(SpeechId.isValid("../" + "a".repeat(61)));
    }
}
