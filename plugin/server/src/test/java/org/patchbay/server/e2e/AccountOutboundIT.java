package org.patchbay.server.e2e;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.account.Account;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.notification.Notification;
import org.patchbay.core.number.PhoneNumber;
import org.patchbay.core.sid.Sids;
import org.patchbay.testkit.FakeAppServer;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A main account denies 127.0.0.2 (standing for a network of its own) to one subaccount through
 * {@code /v1/Accounts/{Sid}/OutboundPolicy}: that subaccount's TwiML fetch is refused with 11290
 * and nothing reaches the server, while a sibling still reaches it; the main account's own blocks
 * bind every subaccount, and a subaccount cannot change its policy.
 */
class AccountOutboundIT {
    private static final String TWIML = "<Response><Say>Hello</Say></Response>";

    @TempDir
    Path dataDir;
    private final HttpClient client = HttpClient.newHttpClient();
    private Harness h;
    private FakeAppServer internal;
    private Account walled;
    private Account sibling;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        internal = Harness.await(FakeAppServer.start(h.vertx, "127.0.0.2"));
        internal.respond("/voice", TWIML);
        walled = subaccount("walled", "3501");
        sibling = subaccount("sibling", "3502");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private Account subaccount(String name, String number) {
        Instant now = Instant.now();
        Account account = new Account(Sids.next(Sids.ACCOUNT), h.patchbay.mainAccount().sid(), Sids.secret(), name,
                Account.Status.active, now, now);
        Harness.await(h.patchbay.store().of(Account.KIND).put(account));
        Harness.await(h.patchbay.store().of(PhoneNumber.KIND).put(new PhoneNumber(Sids.next(Sids.PHONE_NUMBER), account.sid(),
                number, number, internal.url("/voice"), "POST", null, "POST", null, "POST", null, now, now)));
        return account;
    }

    private HttpResponse<String> setPolicy(Account as, String accountSid, String blocks) throws Exception {
        String basic = Base64.getEncoder().encodeToString((as.sid() + ":" + as.authToken()).getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + h.patchbay.httpPort()
                        + "/v1/Accounts/" + accountSid + "/OutboundPolicy"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("DeniedRanges=" + URLEncoder.encode(blocks, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<Notification> refusals(Account account) {
        return Harness.await(h.patchbay.store().of(Notification.KIND).list(account.sid(), n -> n.errorCode() == 11290, 0, 10)).items();
    }

    /** Until the subaccount's call has ended (the harness looks for the main account's calls only). */
    private void callAndWait(String from, String number, Account owner) {
        InboundCall call = h.call(from, number);
        h.waitUntil("the call on " + call.channelId() + " ended", () -> Harness.await(h.patchbay.store().of(CallRecord.KIND)
                .list(owner.sid(), r -> call.channelId().equals(r.channelId()) && r.status().isFinal(), 0, 1)).items().size() == 1);
    }

    @Test
    void oneSubaccountIsWalledOffWhileItsSiblingStillReachesTheServer() throws Exception {
        HttpResponse<String> set = setPolicy(h.patchbay.mainAccount(), walled.sid(), "127.0.0.2/32");
        assertEquals(200, set.statusCode(), set.body());
        assertEquals("127.0.0.2/32", new JsonObject(set.body()).getJsonArray("denied_ranges").getString(0));

        callAndWait("+15550003511", "3501", walled);
        assertEquals(0, internal.connectionsAccepted(), "the walled-off subaccount's fetch never connected");
        h.waitUntil("11290 on the walled-off subaccount", () -> !refusals(walled).isEmpty());
        assertTrue(refusals(walled).get(0).messageText().contains("127.0.0.2/32"), refusals(walled).get(0).messageText());

        callAndWait("+15550003512", "3502", sibling);
        assertEquals(1, internal.requests("/voice").size(), "the sibling's fetch reached the server");
        assertEquals(List.of(), refusals(sibling));
    }

    @Test
    void theMainAccountsBlocksBindEverySubaccountAndASubaccountCannotLoosenThem() throws Exception {
        assertEquals(200, setPolicy(h.patchbay.mainAccount(), h.patchbay.mainAccount().sid(), "127.0.0.2/32").statusCode());

        HttpResponse<String> loosen = setPolicy(sibling, sibling.sid(), "");
        assertEquals(403, loosen.statusCode(), loosen.body());
        assertEquals(20403, new JsonObject(loosen.body()).getInteger("code"));

        callAndWait("+15550003521", "3502", sibling);
        assertEquals(0, internal.connectionsAccepted(), "the owner's block applies to its subaccount");
        h.waitUntil("11290 on the subaccount", () -> !refusals(sibling).isEmpty());
    }

    @Test
    void aBadBlockIsA400NamingIt() throws Exception {
        HttpResponse<String> bad = setPolicy(h.patchbay.mainAccount(), walled.sid(), "127.0.0.2/40");

        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("127.0.0.2/40"), bad.body());
    }
}
