package org.patchbay.server.e2e;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.FarEndBehaviour;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.presence.Device;
import org.patchbay.testkit.RedisServer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes sharing one Redis: alice registers on node A (a Patchbay in its own JVM) and a call that
 * arrives at node B (in this JVM, beside its simulated Asterisk) reaches her; when A is killed, she is
 * offline within the presence expiry.
 */
class PresenceTwoNodesIT {
    private static final String ACCOUNT = "AC" + "d".repeat(32);
    private static final Duration EXPIRY = Duration.ofSeconds(2);
    private static RedisServer redis;

    @TempDir
    Path dataDirA;
    @TempDir
    Path dataDirB;
    PatchbayProcess a;
    Harness b;
    Tokens.Key key;

    @BeforeAll
    static void redis() {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void start() {
        Map<String, String> shared = Map.of("PATCHBAY_SECRETS_KEY", Harness.SHARED_SECRETS_KEY, "PATCHBAY_REDIS_URL", redis.url(), "PATCHBAY_REDIS_PREFIX", "presence-" + System.nanoTime() + ":",
                "PATCHBAY_ACCOUNT_SID", ACCOUNT, "PATCHBAY_AUTH_TOKEN", "c".repeat(32), "PATCHBAY_PRESENCE_EXPIRY", EXPIRY.toSeconds() + "s");
        b = Harness.start(dataDirB, shared);
        a = PatchbayProcess.start(dataDirA, shared);
        key = Tokens.createKey(b.patchbay.httpPort(), b.patchbay.mainAccount(), ACCOUNT);
        b.number("8000", "/voice", null, null);
        b.app.respond("/dialed", "<Response><Hangup/></Response>");
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
    }

    private List<Device> devicesOf(String identity) {
        return Harness.await(b.patchbay.presence().devices(ACCOUNT, identity));
    }

    @Test
    void aliceRegisteredOnNodeAIsReachedByACallOnNodeB() {
        Harness.await(b.asterisk.addOriginateRule("PJSIP/alice-desk*", FarEndBehaviour.ANSWER, 100));
        try (PresenceClient alice = PresenceClient.connect(b.vertx, a.port(), Tokens.mint(ACCOUNT, key, "alice"), false)) {
            JsonObject registered = alice.register("available", "PJSIP/alice-desk");
            assertEquals("registered", registered.getString("type"), registered.encode());
            Device seenByB = devicesOf("alice").get(0);
            assertTrue(seenByB.node() != null && !seenByB.node().equals(b.patchbay.presence().node()), "registered on node A");

            b.app.respond("/voice", "<Response><Dial action=\"/dialed\"><Client>alice</Client></Dial></Response>");
            InboundCall call = b.call("+15550002001", "8000");
            JsonObject incoming = alice.next();
            assertEquals("incoming", incoming.getString("type"), incoming.encode());
            CallRecord leg = Harness.await(b.patchbay.store().of(CallRecord.KIND).get(incoming.getString("callSid")));
            assertEquals("client:alice", leg.to());
            b.waitUntil("alice's desk answered on node B's Asterisk", () -> Harness.await(b.patchbay.store().of(CallRecord.KIND)
                    .get(leg.sid())).status() == CallStatus.IN_PROGRESS);
            assertTrue(leg.channelId() != null);
            Harness.await(b.asterisk.hangUp(call.callerChannelId()));
            b.finished(call.channelId());
        }
    }

    @Test
    void killingNodeAMakesHerOfflineWithinTheExpiry() {
        PresenceClient alice = PresenceClient.connect(b.vertx, a.port(), Tokens.mint(ACCOUNT, key, "alice"), false);
        assertEquals("registered", alice.register("available", null).getString("type"));
        assertEquals(1, devicesOf("alice").size());
        a.kill();
        long killed = System.nanoTime();
        b.waitUntil("alice offline", () -> devicesOf("alice").isEmpty());
        long offlineMillis = (System.nanoTime() - killed) / 1_000_000;
        assertTrue(offlineMillis <= EXPIRY.toMillis() + 500, "offline after " + offlineMillis + " ms");

        b.app.respond("/voice", "<Response><Dial action=\"/dialed\"><Client>alice</Client></Dial></Response>");
        b.call("+15550002002", "8000");
        assertEquals("no-answer", Harness.await(b.app.awaitRequest("/dialed")).param("DialCallStatus"));
    }
}
