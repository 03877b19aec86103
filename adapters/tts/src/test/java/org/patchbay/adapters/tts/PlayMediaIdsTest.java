package org.patchbay.adapters.tts;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlayMediaIdsTest {
    private static final byte[] AUDIO = "RIFF....WAVEfmt ".getBytes(StandardCharsets.US_ASCII);
    private static final String URL = "https://app.example.com/audio/welcome.mp3";
    private final PlayMediaIds ids = PlayMediaIds.keyedWith(SpeechIdKey.generate());

    @Test
    void twoInstallationsGiveTheSameUrlDifferentIds() {
        PlayMediaIds other = PlayMediaIds.keyedWith(SpeechIdKey.generate());

        assertNotEquals(ids.idOf(URL, AUDIO), other.idOf(URL, AUDIO));
        assertEquals(other.idOf(URL, AUDIO), other.idOf(URL, AUDIO), "one installation names one media one way");
    }

    @Test
    void theIdIsNotTheUnkeyedHashOfUrlAndContent() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(URL.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(AUDIO);

        assertNotEquals(HexFormat.of().formatHex(digest.digest()), ids.idOf(URL, AUDIO));
    }

    @Test
    void dependsOnUrlAndContentAndIsAValidMediaId() {
        String id = ids.idOf(URL, AUDIO);

        assertTrue(SpeechId.isValid(id), id);
        assertNotEquals(id, ids.idOf(URL + "?v=2", AUDIO));
        assertNotEquals(id, ids.idOf(URL, "RIFF....WAVEfmt!".getBytes(StandardCharsets.US_ASCII)));
        assertNotEquals(ids.idOf("a", "bc".getBytes(StandardCharsets.UTF_8)), ids.idOf("ab", "c".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void playIdsAndSpeechIdsUnderOneKeyNeverMeet() {
        SpeechIdKey key = SpeechIdKey.generate();

        assertNotEquals(SpeechId.of(key, "en-us", URL), PlayMediaIds.keyedWith(key).idOf("en-us", URL.getBytes(StandardCharsets.UTF_8)));
    }
}
