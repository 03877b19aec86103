package org.patchbay.adapters.tts;

import org.junit.jupiter.api.Test;
import org.patchbay.core.tts.Speech;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SpeechIndexTest {

    @Test
    void theIndexKeepsOnlyTheMostRecentlyUsed() {
        SpeechIndex index = new SpeechIndex(2);
        Speech a = speech("a");
        Speech b = speech("b");
        Speech c = speech("c");
        index.put(a);
        index.put(b);
        index.get(a.id());
        index.put(c);

        assertEquals(2, index.size());
        assertEquals(a, index.get(a.id()));
        assertNull(index.get(b.id()), "least recently used is dropped");
        assertEquals(c, index.get(c.id()));
    }

    private static Speech speech(String letter) {
        String id = letter.repeat(64);
        return new Speech(id, Path.of(id + ".wav"), 1000);
    }
}
