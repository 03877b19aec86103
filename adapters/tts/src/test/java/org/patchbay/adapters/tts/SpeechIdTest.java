package org.patchbay.adapters.tts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpeechIdTest {
    private static final SpeechIdKey KEY = SpeechIdKey.generate();

    @Test
    void isStableHexAndDependsOnEveryInput() {
        String id = SpeechId.of(KEY, "en-us", "Hello");

        assertTrue(SpeechId.isValid(id));
        assertEquals(id, SpeechId.of(KEY, "en-us", "Hello"));
        assertNotEquals(id, SpeechId.of(KEY, "en-us+f3", "Hello"));
        assertNotEquals(id, SpeechId.of(KEY, "en-us", "Hello."));
    }

    @Test
    void twoInstallationsGiveTheSameTextDifferentIds() {
        SpeechIdKey other = SpeechIdKey.generate();

        assertNotEquals(SpeechId.of(KEY, "en-us", "Your code is 123456"), SpeechId.of(other, "en-us", "Your code is 123456"));
        assertEquals(SpeechId.of(other, "en-us", "Your code is 123456"), SpeechId.of(other, "en-us", "Your code is 123456"));
    }

    @Test
    void theKeyIsKeptInTheDataDirectoryAcrossStarts(@TempDir Path dataDir) throws Exception {
        Path file = dataDir.resolve("keys").resolve("speech-id.key");
        SpeechIdKey first = SpeechIdKey.loadOrCreate(file);
        SpeechIdKey again = SpeechIdKey.loadOrCreate(file);

        assertEquals(SpeechId.of(first, "en-us", "Hello"), SpeechId.of(again, "en-us", "Hello"));
        assertNotEquals(SpeechId.of(first, "en-us", "Hello"), SpeechId.of(SpeechIdKey.loadOrCreate(dataDir.resolve("other.key")), "en-us", "Hello"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aConfiguredKeyMustBeLongEnough() {
        assertThrows(IllegalArgumentException.class, () -> SpeechIdKey.fromBase64("c2hvcnQ="));
        assertThrows(IllegalArgumentException.class, () -> SpeechIdKey.fromBase64("not base64!"));
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        assertNotEquals(SpeechId.of(KEY, "en-us", "+f3 Hello"), SpeechId.of(KEY, "en-us+f3", " Hello"));
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
