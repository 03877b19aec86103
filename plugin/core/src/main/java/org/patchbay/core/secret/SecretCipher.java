package org.patchbay.core.secret;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seals secrets for the store with AES-GCM: {@code pbsec:1:<key id>:<base64url(nonce | ciphertext | tag)>},
 * a random 96-bit nonce per value, and the record's identity as associated data, so a sealed token
 * copied onto another record does not open. Values are always sealed with the current key; values
 * sealed with a previous key still open, and plain values (from a version that stored them so) read
 * as they are, both marked as needing to be sealed again.
 */
public final class SecretCipher {
    static final String PREFIX = "pbsec:1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** Values opened recently, at most this many: emptied when full, so it stays bounded without bookkeeping. */
    private static final int OPENED_KEPT = 4096;

    /** A stored value opened: the secret, and whether it should be sealed again with the current key. */
    public record Opened(String plain, boolean stale) {
    }

    private final SecretsKey current;
    private final Map<String, SecretsKey> keys = new LinkedHashMap<>();
    /**
     * Every authenticated request reads its account, so without this each one would set up AES-GCM
     * again (a sixth of a REST request's CPU). A sealed value and its record always open to the same
     * secret, so what opened once is served again; what failed to open is never kept.
     */
    private final Map<String, Opened> opened = new ConcurrentHashMap<>();

    public SecretCipher(SecretsKey current, List<SecretsKey> previous) {
        this.current = current;
        keys.put(current.id(), current);
        previous.forEach(key -> keys.putIfAbsent(key.id(), key));
    }

    public String currentKeyId() {
        return current.id();
    }

    /** @param context the record the value belongs to (kind and SID), bound to the ciphertext */
    public String seal(String plain, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, current, nonce, context);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + current.id() + ':' + ENCODER.encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to encrypt", e);
        }
    }

    /** @throws SecretException when the key that sealed it is not configured, or the value was altered or moved */
    public Opened open(String stored, String context) {
        if (!isSealed(stored)) {
            return new Opened(stored, true);
        }
        String cacheKey = context + '\n' + stored;
        Opened known = opened.get(cacheKey);
        if (known != null) {
            return known;
        }
        Opened fresh = decrypt(stored, context);
        if (opened.size() >= OPENED_KEPT) {
            opened.clear();
        }
        opened.put(cacheKey, fresh);
        return fresh;
    }

    private Opened decrypt(String stored, String context) {
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new SecretException("the stored secret of " + context + " is malformed");
        }
        String keyId = stored.substring(PREFIX.length(), colon);
        SecretsKey key = keys.get(keyId);
        if (key == null) {
            throw new SecretException("the stored secret of " + context + " was encrypted with key " + keyId
                    + ", which is not configured (set it as PATCHBAY_SECRETS_KEY or PATCHBAY_SECRETS_KEY_PREVIOUS;"
                    + " nodes sharing a store need the same keys)");
        }
        try {
            byte[] in = DECODER.decode(stored.substring(colon + 1));
            if (in.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new IllegalArgumentException("too short");
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(in, NONCE_BYTES), context);
            String plain = new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
            return new Opened(plain, key != current);
        } catch (AEADBadTagException | IllegalArgumentException altered) {
            throw new SecretException("the stored secret of " + context + " does not open with key " + keyId
                    + ": it was altered or belongs to another record");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to decrypt", e);
        }
    }

    /** Whether a stored value is sealed with the current key (false for plain values and previous keys). */
    public boolean isCurrent(String stored) {
        return stored == null || stored.startsWith(PREFIX + current.id() + ':');
    }

    static boolean isSealed(String stored) {
        return stored.startsWith(PREFIX);
    }

    private static Cipher cipher(int mode, SecretsKey key, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key.aes(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
