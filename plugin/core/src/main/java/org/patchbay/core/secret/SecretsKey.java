package org.patchbay.core.secret;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One key that secrets at rest are encrypted with. The configured bytes are never used directly:
 * an AES-256 key and a short public id are derived from them (HMAC-SHA256 with two labels), so a
 * stored value can say which key sealed it without revealing anything about the key.
 */
public final class SecretsKey {
    public static final int MIN_BYTES = 32;

    private final String id;
    private final SecretKey aes;

    private SecretsKey(byte[] material) {
        if (material.length < MIN_BYTES) {
            throw new IllegalArgumentException("a secrets key needs at least " + MIN_BYTES + " bytes, got " + material.length);
        }
        this.aes = new SecretKeySpec(derive(material, "patchbay secrets at rest: AES-256-GCM key"), "AES");
        this.id = HexFormat.of().formatHex(derive(material, "patchbay secrets at rest: key id"), 0, 4);
    }

    public static SecretsKey of(byte[] material) {
        return new SecretsKey(material);
    }

    /** @throws IllegalArgumentException when the text is not base64 of at least 32 bytes */
    public static SecretsKey fromBase64(String text) {
        byte[] material;
        try {
            material = Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException("not base64: " + bad.getMessage());
        }
        return new SecretsKey(material);
    }

    /** Eight hex digits naming this key in every value it sealed. */
    public String id() {
        return id;
    }

    SecretKey aes() {
        return aes;
    }

    private static byte[] derive(byte[] material, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(material, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
