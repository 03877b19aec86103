package org.patchbay.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.patchbay.core.secret.SecretCipher;
import org.patchbay.core.secret.SecretsKey;
import org.patchbay.server.config.ConfigException;
import org.patchbay.server.config.PatchbayConfig;
import org.patchbay.server.config.Setting;
import org.patchbay.server.config.SettingValues;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The keys secrets at rest are sealed with: the configured current key, or the one kept in the data
 * directory (made on first start, readable by its owner only), and the previous keys of a rotation.
 */
final class SecretsKeys {
    static final String KEY_FILE = "keys/secrets.key";

    private SecretsKeys() {
    }

    /** Reads or writes the key file on a worker, never on the event loop; a bad key fails naming its setting. */
    static Future<SecretCipher> cipher(Vertx vertx, PatchbayConfig config) {
        List<SecretsKey> previous;
        try {
            previous = previous(config.settings().get(Setting.SECRETS_KEY_PREVIOUS));
        } catch (IllegalArgumentException bad) {
            return Future.failedFuture(SettingValues.bad(Setting.SECRETS_KEY_PREVIOUS, "(secret)", bad.getMessage()));
        }
        String configured = config.settings().get(Setting.SECRETS_KEY);
        if (configured != null && !configured.isBlank()) {
            try {
                return Future.succeededFuture(new SecretCipher(SecretsKey.fromBase64(configured), previous));
            } catch (IllegalArgumentException bad) {
                return Future.failedFuture(SettingValues.bad(Setting.SECRETS_KEY, "(secret)", bad.getMessage()));
            }
        }
        Path file = config.dataDir().resolve(KEY_FILE);
        return vertx.executeBlocking(() -> {
            String kept = loadOrCreate(file);
            try {
                return new SecretCipher(SecretsKey.fromBase64(kept), previous);
            } catch (IllegalArgumentException bad) {
                throw new ConfigException("the secrets key in " + file + " is unusable (" + bad.getMessage()
                        + "): restore it, or set PATCHBAY_SECRETS_KEY");
            }
        }, false);
    }

    private static List<SecretsKey> previous(String configured) {
        List<SecretsKey> keys = new ArrayList<>();
        if (configured != null) {
            for (String part : configured.split(",")) {
                if (!part.isBlank()) {
                    keys.add(SecretsKey.fromBase64(part));
                }
            }
        }
        return keys;
    }

    /** The base64 key kept in {@code file}, written atomically with 32 fresh random bytes when absent. Blocking. */
    static String loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] fresh = new byte[SecretsKey.MIN_BYTES];
        new SecureRandom().nextBytes(fresh);
        String key = Base64.getEncoder().encodeToString(fresh);
        Path part = Files.createTempFile(dir, file.getFileName().toString(), ".part");
        try {
            ownerOnly(part);
            Files.writeString(part, key, StandardCharsets.US_ASCII);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
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
}
