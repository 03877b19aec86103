package org.patchbay.core.secret;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretCipherTest {
    static SecretsKey freshKey() {
        byte[] material = new byte[32];
        new SecureRandom().nextBytes(material);
        return SecretsKey.of(material);
    }

    private final SecretsKey key = freshKey();
    private final SecretCipher cipher = new SecretCipher(key, List.of());

    @Test
    void aSealedValueOpensToItsPlainTextAndDoesNotContainIt() {
        String sealed = cipher.seal("0123456789abcdef0123456789abcdef", "accounts/AC1");
        assertFalse(sealed.contains("0123456789abcdef"));
        assertTrue(sealed.startsWith("pbsec:1:" + key.id() + ":"));
        assertEquals(new SecretCipher.Opened("0123456789abcdef0123456789abcdef", false), cipher.open(sealed, "accounts/AC1"));
    }

    @Test
    void eachSealingUsesAFreshNonce() {
        assertNotEquals(cipher.seal("same", "accounts/AC1"), cipher.seal("same", "accounts/AC1"));
    }

    @Test
    void aValueMovedToAnotherRecordDoesNotOpen() {
        String sealed = cipher.seal("token", "accounts/AC1");
        SecretException refused = assertThrows(SecretException.class, () -> cipher.open(sealed, "accounts/AC2"));
        assertTrue(refused.getMessage().contains("belongs to another record"), refused.getMessage());
    }

    @Test
    void aValueThatOpenedOnceStillDoesNotOpenOnAnotherRecordOrAltered() {
        String sealed = cipher.seal("token", "accounts/AC1");
        assertEquals("token", cipher.open(sealed, "accounts/AC1").plain());
        assertEquals("token", cipher.open(sealed, "accounts/AC1").plain());
        assertThrows(SecretException.class, () -> cipher.open(sealed, "accounts/AC2"));
        String altered = sealed.substring(0, sealed.length() - 1) + (sealed.endsWith("A") ? 'B' : 'A');
        assertThrows(SecretException.class, () -> cipher.open(altered, "accounts/AC1"));
    }

    @Test
    void anAlteredValueDoesNotOpen() {
        String sealed = cipher.seal("token", "accounts/AC1");
        char last = sealed.charAt(sealed.length() - 1);
        String altered = sealed.substring(0, sealed.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThrows(SecretException.class, () -> cipher.open(altered, "accounts/AC1"));
        assertThrows(SecretException.class, () -> cipher.open("pbsec:1:" + key.id() + ":AAAA", "accounts/AC1"));
    }

    @Test
    void aPlainValueFromAnEarlierVersionReadsAsItIsAndIsStale() {
        assertEquals(new SecretCipher.Opened("legacy-token", true), cipher.open("legacy-token", "accounts/AC1"));
        assertFalse(cipher.isCurrent("legacy-token"));
    }

    @Test
    void afterRotationOldValuesOpenWithThePreviousKeyAndAreStale() {
        String old = cipher.seal("token", "keys/SK1");
        SecretsKey next = freshKey();
        SecretCipher rotated = new SecretCipher(next, List.of(key));
        assertEquals(new SecretCipher.Opened("token", true), rotated.open(old, "keys/SK1"));
        assertFalse(rotated.isCurrent(old));
        String resealed = rotated.seal("token", "keys/SK1");
        assertTrue(rotated.isCurrent(resealed));
        assertTrue(resealed.contains(next.id()));
    }

    @Test
    void aValueSealedWithAnUnconfiguredKeySaysWhichKeyItNeeds() {
        String sealed = cipher.seal("token", "accounts/AC1");
        SecretException refused = assertThrows(SecretException.class,
                () -> new SecretCipher(freshKey(), List.of()).open(sealed, "accounts/AC1"));
        assertTrue(refused.getMessage().contains(key.id()) && refused.getMessage().contains("PATCHBAY_SECRETS_KEY_PREVIOUS"),
                refused.getMessage());
    }

    @Test
    void keysShorterThan32BytesOrNotBase64AreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SecretsKey.of(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> SecretsKey.fromBase64("not base64!"));
        assertEquals(SecretsKey.of(new byte[32]).id(), SecretsKey.fromBase64("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=").id());
    }
}
