package org.patchbay.server.secrets;

import com.twilio.security.RequestValidator;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.number.PhoneNumber;
import org.patchbay.core.secret.SealedStore;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.journal.JournaledStore;
import org.patchbay.core.store.memory.MemoryStore;
import org.patchbay.server.Patchbay;
import org.patchbay.server.config.ConfigLoader;
import org.patchbay.server.e2e.Harness;
import org.patchbay.testkit.RecordedRequest;
import org.patchbay.testkit.RedisServer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Auth tokens and API key secrets are never stored in the clear: after a subaccount and an API key
 * are made through the API, no key or value in Redis (nor any record or file of the embedded stores) holds any
 * of them, while every credential still authenticates and webhooks are signed with the right token.
 */
class SecretsAtRestIT {
    @TempDir
    Path dataDir;

    /** The three secrets of one installation: the main token, a subaccount's token and its API key's secret. */
    record Credentials(String mainSid, String mainToken, String subSid, String subToken, String keySid, String keySecret) {
        List<String> secrets() {
            return List.of(mainToken, subToken, keySecret);
        }
    }

    static Credentials makeCredentials(Harness h) throws Exception {
        Api api = new Api(h.patchbay.httpPort());
        String mainSid = h.patchbay.mainAccount().sid();
        String mainToken = h.patchbay.mainAccount().authToken();
        JsonObject sub = api.subaccount(mainSid, mainToken, "Tenant");
        JsonObject key = api.apiKey(sub.getString("sid"), sub.getString("auth_token"));
        return new Credentials(mainSid, mainToken, sub.getString("sid"), sub.getString("auth_token"), key.getString("sid"),
                key.getString("secret"));
    }

    static void assertEveryCredentialWorks(Harness h, Credentials c) throws Exception {
        Api api = new Api(h.patchbay.httpPort());
        assertEquals(200, api.readCalls(c.mainSid(), c.mainSid(), c.mainToken()));
        assertEquals(200, api.readCalls(c.subSid(), c.subSid(), c.subToken()));
        assertEquals(200, api.readCalls(c.subSid(), c.keySid(), c.keySecret()));
        assertEquals(401, api.readCalls(c.subSid(), c.subSid(), c.mainToken()));
        assertEquals(401, api.readCalls(c.subSid(), c.keySid(), c.subToken()));
    }

    static void assertNoSecretIn(String stored, Credentials c) {
        for (String secret : c.secrets()) {
            assertFalse(stored.contains(secret), "a secret is stored in the clear");
        }
        assertTrue(stored.contains("pbsec:1:"), "the scan saw the sealed secrets");
    }

    @Test
    void redisHoldsNoPlainSecretAndEveryCredentialStillWorks() throws Exception {
        try (RedisServer redis = RedisServer.start(); Harness h = Harness.start(dataDir, Map.of("PATCHBAY_REDIS_URL", redis.url()))) {
            Credentials credentials = makeCredentials(h);
            assertEveryCredentialWorks(h, credentials);
            assertWebhooksAreSignedWithTheSubaccountsToken(h, credentials);
            assertNoSecretIn(StoredText.of(redis), credentials);
        }
    }

    @Test
    void theDurableEmbeddedStoreHoldsNoPlainSecretInMemoryOrInItsFiles() throws Exception {
        try (Harness h = Harness.start(dataDir)) {
            Credentials credentials = makeCredentials(h);
            assertEveryCredentialWorks(h, credentials);
            JournaledStore embedded = (JournaledStore) ((SealedStore) h.patchbay.store()).inner();
            assertNoSecretIn(StoredText.of(embedded.memory()), credentials);
            assertNoSecretIn(StoredText.of(h.patchbay.storeDir()), credentials);
        }
    }

    @Test
    void theSandboxsMemoryStoreHoldsNoPlainSecret() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Patchbay sandbox = Harness.await(Patchbay.start(vertx, ConfigLoader.load(Map.of("PATCHBAY_HTTP_PORT", "0",
                    "PATCHBAY_DATA_DIR", dataDir.toString()))));
            try {
                Api api = new Api(sandbox.httpPort());
                JsonObject sub = api.subaccount(sandbox.mainAccount().sid(), sandbox.mainAccount().authToken(), "Tenant");
                JsonObject key = api.apiKey(sub.getString("sid"), sub.getString("auth_token"));
                Credentials credentials = new Credentials(sandbox.mainAccount().sid(), sandbox.mainAccount().authToken(),
                        sub.getString("sid"), sub.getString("auth_token"), key.getString("sid"), key.getString("secret"));
                assertEquals(200, api.readCalls(credentials.subSid(), credentials.keySid(), credentials.keySecret()));
                MemoryStore memory = (MemoryStore) ((SealedStore) sandbox.store()).inner();
                assertNoSecretIn(StoredText.of(memory), credentials);
            } finally {
                Harness.await(sandbox.stop());
            }
        } finally {
            Harness.await(vertx.close());
        }
    }

    private static void assertWebhooksAreSignedWithTheSubaccountsToken(Harness h, Credentials c) {
        Instant now = Instant.now();
        Harness.await(h.patchbay.store().of(PhoneNumber.KIND).put(new PhoneNumber(Sids.next(Sids.PHONE_NUMBER), c.subSid(),
                "7700", "7700", h.app.url("/tenant-voice"), "POST", null, "POST", null, "POST", null, now, now)));
        h.app.respond("/tenant-voice", "<Response><Hangup/></Response>");
        InboundCall call = h.call("+15550007700", "7700");
        RecordedRequest fetch = Harness.await(h.app.awaitRequest("/tenant-voice"));
        assertEquals(c.subSid(), fetch.param("AccountSid"));
        assertTrue(new RequestValidator(c.subToken()).validate(h.app.url("/tenant-voice"), fetch.params(),
                fetch.header("X-Twilio-Signature")), "signed with the subaccount's auth token");
        assertFalse(new RequestValidator(c.mainToken()).validate(h.app.url("/tenant-voice"), fetch.params(),
                fetch.header("X-Twilio-Signature")));
        h.waitUntil("the call over", () -> !Harness.await(h.asterisk.state()).channels().contains(call.channelId()));
    }
}
