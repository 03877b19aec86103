package org.patchbay.adapters.tts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that media ids (speech and converted {@code <Play>} media) are keyed with, so an id
 * cannot be computed from the text or the URL: without it, anyone reaching the media route could
 * confirm a spoken one-time code by trying every code's id, or which URL a call played.
 */
public final class SpeechIdKey {
    static final int MIN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;

    private SpeechIdKey(byte[] bytes) {
        if (bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException("a speech id key needs at least " + MIN_BYTES + " bytes, got " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    /** A fresh key that lives as long as this process: ids change at each start. */
    public static SpeechIdKey generate() {
        byte[] fresh = new byte[MIN_BYTES];
        RANDOM.nextBytes(fresh);
        return new SpeechIdKey(fresh);
    }

    /** @throws IllegalArgumentException when the text is not base64 of at least 32 bytes */
    public static SpeechIdKey fromBase64(String text) {
        try {
            return new SpeechIdKey(Base64.getDecoder().decode(text.trim()));
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException("not base64 of at least " + MIN_BYTES + " bytes: " + bad.getMessage());
        }
    }

    /**
     * The key kept in {@code file}, created with a fresh key (readable by its owner only) on
     * first start. Blocking file I/O: call on a worker.
     */
    public static SpeechIdKey loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        SpeechIdKey key = generate();
        Path part = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".part");
        try {
            ownerOnly(part);
            Files.writeString(part, Base64.getEncoder().encodeToString(key.bytes), StandardCharsets.US_ASCII);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
        } finally {
            Files.deleteIfExists(part);
        }
        return key;
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions protect it.
        }
    }

    byte[] bytes() {
        return bytes.clone();
    }

    /** A fresh HMAC-SHA256 keyed with this key (a Mac is not thread-safe: one per id). */
    Mac hmac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides HmacSHA256", e);
        }
    }
}
