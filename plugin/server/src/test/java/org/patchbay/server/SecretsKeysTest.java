package org.patchbay.server;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.core.secret.SecretCipher;
import org.patchbay.core.secret.SecretsKey;
import org.patchbay.server.config.ConfigException;
import org.patchbay.server.config.ConfigLoader;
import org.patchbay.server.config.Setting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsKeysTest {
    private static final String KEY_A = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=";
    private static final String KEY_B = "QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkI=";

    @TempDir
    Path dir;
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private SecretCipher cipher(Map<String, String> env) throws Exception {
        return SecretsKeys.cipher(vertx, ConfigLoader.load(env)).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void previousKeysMayBeAYamlListAndOpenWhatTheySealed() throws Exception {
        Path yaml = dir.resolve("patchbay.yaml");
        Files.writeString(yaml, "secrets:\n  key: " + KEY_B + "\n  previousKeys:\n    - " + KEY_A + "\n");
        Map<String, String> env = Map.of("PATCHBAY_CONFIG", yaml.toString(), "PATCHBAY_DATA_DIR", dir.toString());
        assertEquals(KEY_A, ConfigLoader.load(env).settings().get(Setting.SECRETS_KEY_PREVIOUS));
        String sealedWithA = new SecretCipher(SecretsKey.fromBase64(KEY_A), java.util.List.of()).seal("token", "accounts/AC1");
        SecretCipher rotated = cipher(env);
        assertEquals(SecretsKey.fromBase64(KEY_B).id(), rotated.currentKeyId());
        assertEquals(new SecretCipher.Opened("token", true), rotated.open(sealedWithA, "accounts/AC1"));
        assertFalse(Files.exists(dir.resolve(SecretsKeys.KEY_FILE)), "a configured key is not written anywhere");
    }

    @Test
    void aBadKeyStopsTheStartNamingItsSettingButNotTheKey() {
        for (Map.Entry<String, String> bad : Map.of("PATCHBAY_SECRETS_KEY", "c2hvcnQ=", "PATCHBAY_SECRETS_KEY_PREVIOUS",
                KEY_A + ",not base64!").entrySet()) {
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> cipher(Map.of(bad.getKey(), bad.getValue(), "PATCHBAY_DATA_DIR", dir.toString())));
            assertInstanceOf(ConfigException.class, failed.getCause());
            assertTrue(failed.getCause().getMessage().startsWith(bad.getKey()), failed.getCause().getMessage());
            assertFalse(failed.getCause().getMessage().contains(bad.getValue()), "the key is not printed");
        }
    }

    @Test
    void anUnusableKeyFileStopsTheStartNamingTheFile() throws Exception {
        Files.createDirectories(dir.resolve("keys"));
        Files.writeString(dir.resolve(SecretsKeys.KEY_FILE), "too short");
        ExecutionException failed = assertThrows(ExecutionException.class, () -> cipher(Map.of("PATCHBAY_DATA_DIR", dir.toString())));
        assertInstanceOf(ConfigException.class, failed.getCause());
        assertTrue(failed.getCause().getMessage().contains(dir.resolve(SecretsKeys.KEY_FILE).toString()), failed.getCause().getMessage());
    }
}
