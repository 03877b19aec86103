package org.patchbay.server.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.core.account.Account;
import org.patchbay.core.account.ApiKey;
import org.patchbay.core.secret.SealedStore;
import org.patchbay.core.secret.SecretsKey;
import org.patchbay.core.telephony.TelephonyStatus;
import org.patchbay.server.Patchbay;
import org.patchbay.server.config.ConfigLoader;
import org.patchbay.server.e2e.Harness;
import org.patchbay.server.secrets.SecretsAtRestIT.Credentials;
import org.patchbay.testkit.RedisServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documented rotation, on a real Redis: a new key with the old one as previous seals every stored
 * secret again (plain values left by an earlier version too), after which the old key can be dropped;
 * a store sealed with a key that is not configured stops the start with a line naming that key.
 */
class SecretsRotationIT {
    private static final String LEGACY_SUB = "AC" + "5".repeat(32);
    private static final String LEGACY_KEY = "SK" + "6".repeat(32);

    @TempDir
    Path dataDir;

    private static String freshKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void rotationSealsEverythingWithTheNewKeyAndMigratesPlainValues() throws Exception {
        String first = freshKey();
        String second = freshKey();
        try (RedisServer redis = RedisServer.start();
             Harness h = Harness.start(dataDir, Map.of("PATCHBAY_REDIS_URL", redis.url(), "PATCHBAY_SECRETS_KEY", first))) {
            Credentials made = SecretsAtRestIT.makeCredentials(h);
            Credentials legacy = writePlainValuesAsAnEarlierVersionDid(h, made);
            assertTrue(StoredText.of(redis).contains("legacy-sub-token"), "the earlier version's plain value is there to migrate");

            restart(h, Map.of("PATCHBAY_REDIS_URL", redis.url(), "PATCHBAY_SECRETS_KEY", second,
                    "PATCHBAY_SECRETS_KEY_PREVIOUS", freshKey() + "," + first));
            String stored = StoredText.of(redis);
            SecretsAtRestIT.assertNoSecretIn(stored, made);
            SecretsAtRestIT.assertNoSecretIn(stored, legacy);
            assertTrue(stored.contains("pbsec:1:" + SecretsKey.fromBase64(second).id() + ":"));
            assertFalse(stored.contains("pbsec:1:" + SecretsKey.fromBase64(first).id() + ":"), "nothing left under the old key");
            SecretsAtRestIT.assertEveryCredentialWorks(h, made);
            SecretsAtRestIT.assertEveryCredentialWorks(h, legacy);

            restart(h, Map.of("PATCHBAY_REDIS_URL", redis.url(), "PATCHBAY_SECRETS_KEY", second));
            SecretsAtRestIT.assertEveryCredentialWorks(h, made);

            Harness.await(h.patchbay.stop());
            Throwable refused = assertThrows(Exception.class, () -> Patchbay.start(h.vertx, ConfigLoader.load(env(h,
                    Map.of("PATCHBAY_REDIS_URL", redis.url(), "PATCHBAY_SECRETS_KEY", freshKey()))))
                    .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS));
            assertTrue(refused.getMessage().contains("encrypted with key " + SecretsKey.fromBase64(second).id()), refused.getMessage());
            restart(h, Map.of("PATCHBAY_REDIS_URL", redis.url(), "PATCHBAY_SECRETS_KEY", second));
        }
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOwnerOnlyInTheDataDirAndKept() throws Exception {
        try (Harness h = Harness.start(dataDir)) {
            Path keyFile = dataDir.resolve("keys/secrets.key");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
            String key = Files.readString(keyFile);
            assertTrue(Base64.getDecoder().decode(key.trim()).length >= 32);
            String sealed = Harness.await(((SealedStore) h.patchbay.store()).inner().of(Account.KIND)
                    .get(h.patchbay.mainAccount().sid())).authToken();
            assertTrue(sealed.startsWith("pbsec:1:" + SecretsKey.fromBase64(key).id() + ":"));
            h.restartPatchbay();
            assertEquals(key, Files.readString(keyFile));
        }
    }

    /** A subaccount and an API key written with plain secrets, straight into the store as an earlier version wrote them. */
    private static Credentials writePlainValuesAsAnEarlierVersionDid(Harness h, Credentials made) {
        var raw = ((SealedStore) h.patchbay.store()).inner();
        Instant now = Instant.now();
        Harness.await(raw.of(Account.KIND).put(new Account(LEGACY_SUB, made.mainSid(), "legacy-sub-token", "Old tenant",
                Account.Status.active, now, now)));
        Harness.await(raw.of(ApiKey.KIND).put(new ApiKey(LEGACY_KEY, LEGACY_SUB, "legacy-key-secret", "old key", now, now)));
        return new Credentials(made.mainSid(), made.mainToken(), LEGACY_SUB, "legacy-sub-token", LEGACY_KEY, "legacy-key-secret");
    }

    private void restart(Harness h, Map<String, String> extra) {
        Harness.await(h.patchbay.stop());
        h.patchbay = Harness.await(Patchbay.start(h.vertx, ConfigLoader.load(env(h, extra))));
        h.waitUntil("ARI connected", () -> h.patchbay.telephony().status().state() == TelephonyStatus.State.CONNECTED);
    }

    /** The settings {@link Harness} starts Patchbay with, and these. */
    private Map<String, String> env(Harness h, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("PATCHBAY_HTTP_PORT", "0", "PATCHBAY_ARI_URL", h.asterisk.baseUrl(),
                "PATCHBAY_ARI_USER", "patchbay", "PATCHBAY_ARI_PASSWORD", "sim-secret",
                "PATCHBAY_DATA_DIR", dataDir.toString(), "PATCHBAY_EVENT_LOOPS", "2"));
        env.putAll(extra);
        return env;
    }
}
