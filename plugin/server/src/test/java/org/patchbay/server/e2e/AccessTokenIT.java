package org.patchbay.server.e2e;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.core.account.Account;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Registration with access tokens minted by Twilio's Java helper library and a key from Patchbay's
 * Keys resource: a good token registers; every kind of bad token is refused with its own code.
 */
class AccessTokenIT {
    @TempDir
    Path dataDir;
    Harness h;
    Account main;
    Tokens.Key key;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        main = h.patchbay.mainAccount();
        key = Tokens.createKey(h.patchbay.httpPort(), main, main.sid());
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private List<?> devicesOf(String identity) {
        return Harness.await(h.patchbay.presence().devices(main.sid(), identity));
    }

    @Test
    void aTokenFromTwiliosHelperLibraryRegistersWithTheTokenInTheHeaderOrTheQuery() {
        for (boolean inQuery : List.of(false, true)) {
            try (PresenceClient alice = PresenceClient.connect(h.vertx, h.patchbay.httpPort(),
                    Tokens.mint(main.sid(), key, "alice"), inQuery)) {
                JsonObject registered = alice.register("available", null);
                assertEquals("registered", registered.getString("type"), registered.encode());
                assertEquals("alice", registered.getString("identity"));
                assertEquals("PJSIP/alice", registered.getString("endpoint"), "the client endpoint template applies");
                assertEquals(30, registered.getInteger("expires"));
                assertTrue(registered.getString("device").startsWith("DV"));
                assertEquals(1, devicesOf("alice").size());

                HttpResponse<String> fetched = Tokens.rest(h.patchbay.httpPort(), main, "GET", "/v1/Presence/Clients/alice", null);
                assertEquals(200, fetched.statusCode(), fetched.body());
                JsonObject client = new JsonObject(fetched.body());
                assertEquals("available", client.getString("status"));
                assertEquals(registered.getString("device"), client.getJsonArray("devices").getJsonObject(0).getString("device"));
            }
            h.waitUntil("alice offline", () -> devicesOf("alice").isEmpty());
        }
    }

    @Test
    void everyBadTokenIsRefusedWithItsOwnTwilioCode() {
        int port = h.patchbay.httpPort();
        Tokens.Key revoked = Tokens.createKey(port, main, main.sid());
        assertEquals(204, Tokens.rest(port, main, "DELETE", "/2010-04-01/Accounts/" + main.sid() + "/Keys/" + revoked.sid() + ".json",
                null).statusCode());
        HttpResponse<String> sub = Tokens.rest(port, main, "POST", "/2010-04-01/Accounts.json", "FriendlyName=other");
        String otherAccount = new JsonObject(sub.body()).getString("sid");
        Tokens.Key suspendedKey = Tokens.createKey(port, main, otherAccount);
        assertEquals(200, Tokens.rest(port, main, "POST", "/2010-04-01/Accounts/" + otherAccount + ".json", "Status=suspended")
                .statusCode());
        long now = System.currentTimeMillis();

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("20101 malformed", "not.a-token");
        tokens.put("20104 expired", Tokens.mint(main.sid(), key, "alice", Tokens.voice(true, null, Map.of()), b -> b.ttl(-60)));
        tokens.put("20157 lives over 24 h", Tokens.mint(main.sid(), key, "alice", Tokens.voice(true, null, Map.of()),
                b -> b.ttl(25 * 3600)));
        tokens.put("20105 not yet valid", Tokens.mint(main.sid(), key, "alice", Tokens.voice(true, null, Map.of()),
                b -> b.nbf(new Date(now + 3_600_000))));
        tokens.put("20107 wrong key secret", Tokens.mint(main.sid(), new Tokens.Key(key.sid(), "0".repeat(32)), "alice"));
        tokens.put("20151 revoked key", Tokens.mint(main.sid(), revoked, "alice"));
        tokens.put("20103 other account", Tokens.mint(otherAccount, key, "alice"));
        tokens.put("20103 unknown key", Tokens.mint(main.sid(), new Tokens.Key("SK" + "0".repeat(32), key.secret()), "alice"));
        tokens.put("20005 account suspended", Tokens.mint(otherAccount, suspendedKey, "alice"));
        tokens.put("20106 no voice grant", Tokens.mint(main.sid(), key, "alice", null, b -> b));

        for (Map.Entry<String, String> bad : tokens.entrySet()) {
            try (PresenceClient client = PresenceClient.connect(h, bad.getValue())) {
                JsonObject refused = client.next();
                assertEquals("error", refused.getString("type"), bad.getKey());
                assertEquals(Integer.parseInt(bad.getKey().substring(0, 5)), refused.getInteger("code"),
                        bad.getKey() + ": " + refused.getString("message"));
                assertTrue(refused.getString("message").length() > 10, refused.encode());
                h.waitUntil("the socket closed after " + bad.getKey(), client::closed);
            }
        }
        assertTrue(devicesOf("alice").isEmpty());
    }

    @Test
    void aTokenThatExpiresWhileConnectedEndsTheRegistration() {
        try (PresenceClient alice = PresenceClient.connect(h, Tokens.mint(main.sid(), key, "alice",
                Tokens.voice(true, null, Map.of()), b -> b.ttl(2)))) {
            assertEquals("registered", alice.register("busy", "PJSIP/alice-desk").getString("type"));
            assertEquals("busy", Harness.await(h.patchbay.presence().devices(main.sid(), "alice")).get(0).status().name());
            JsonObject ended = alice.next();
            assertEquals(20104, ended.getInteger("code"), ended.encode());
            h.waitUntil("the socket closed", alice::closed);
            h.waitUntil("alice offline", () -> devicesOf("alice").isEmpty());
        }
    }

    @Test
    void badMessagesGetAnErrorAndTheRegistrationCarriesOn() {
        try (PresenceClient alice = PresenceClient.connect(h, Tokens.mint(main.sid(), key, "alice"))) {
            assertEquals(21200, alice.send(new JsonObject().put("type", "heartbeat")).getInteger("code"), "register first");
            assertEquals(21200, alice.register("sleeping", null).getInteger("code"));
            assertEquals(21200, alice.register("available", "PJSIP/alice&PJSIP/mallory").getInteger("code"));
            assertEquals("registered", alice.register("away", null).getString("type"));
            assertEquals("available", alice.send(new JsonObject().put("type", "status").put("status", "available"))
                    .getString("status"));
            assertEquals("registered", alice.send(new JsonObject().put("type", "heartbeat")).getString("type"));
            assertEquals(21200, alice.send(new JsonObject().put("type", "dance")).getInteger("code"));
        }
    }
}
