package org.patchbay.server.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.account.Account;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.notification.Notification;
import org.patchbay.core.number.PhoneNumber;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A suspended or closed account's numbers take no calls: the call is rejected and 10003 is logged. */
class InactiveAccountIT {
    @TempDir
    Path dataDir;
    Harness h;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private List<Notification> notifications() {
        return Harness.await(h.patchbay.store().of(Notification.KIND)
                .list(h.patchbay.mainAccount().sid(), n -> true, 0, 50)).items();
    }

    @Test
    void aSuspendedAccountsNumberRejectsTheCallWith10003AndFetchesNothing() {
        h.number("1000", "/voice", null, null);
        Account main = h.patchbay.mainAccount();
        Harness.await(h.patchbay.store().of(Account.KIND).put(main.withStatus(Account.Status.suspended)));

        InboundCall call = h.call("+15551234567", "1000");
        CallRecord done = h.finished(call.channelId());

        assertEquals(CallStatus.NO_ANSWER, done.status(), "a rejected call ends no-answer, as Twilio reports it");
        assertTrue(h.app.requests().isEmpty(), "the application was asked: " + h.app.requests());
        h.waitUntil("the 10003 notification", () -> notifications().stream().anyMatch(n -> n.errorCode() == 10003));
        Notification rejected = notifications().stream().filter(n -> n.errorCode() == 10003).findFirst().orElseThrow();
        assertEquals(Notification.ERROR, rejected.log());
        assertTrue(rejected.messageText().contains("suspended"), rejected.messageText());
    }

    private CallStatus statusOf(String accountSid, String channelId) {
        List<CallRecord> found = Harness.await(h.patchbay.store().of(CallRecord.KIND)
                .list(accountSid, r -> channelId.equals(r.channelId()), 0, 1)).items();
        return found.isEmpty() ? null : found.get(0).status();
    }

    @Test
    void aSuspendedAccountsLiveCallGoesOnAndAClosedAccountsLiveCallEnds() {
        int port = h.patchbay.httpPort();
        Account main = h.patchbay.mainAccount();
        String sub = new JsonObject(Tokens.rest(port, main, "POST", "/2010-04-01/Accounts.json", "FriendlyName=tenant").body())
                .getString("sid");
        PhoneNumber mainsNumber = h.number("2000", "/hold", null, null);
        Harness.await(h.patchbay.store().of(PhoneNumber.KIND).put(new PhoneNumber(mainsNumber.sid(), sub, "2000", "2000",
                mainsNumber.voiceUrl(), "POST", null, "POST", null, "POST", null, mainsNumber.dateCreated(), Instant.now())));
        h.app.respond("/hold", "<Response><Pause length=\"600\"/><Pause length=\"600\"/></Response>");
        InboundCall call = h.call("+15551234567", "2000");
        h.waitUntil("the call in progress", () -> statusOf(sub, call.channelId()) == CallStatus.IN_PROGRESS);

        assertEquals(200, Tokens.rest(port, main, "POST", "/2010-04-01/Accounts/" + sub + ".json", "Status=suspended").statusCode());
        Harness.sleep(Duration.ofMillis(300));
        assertEquals(CallStatus.IN_PROGRESS, statusOf(sub, call.channelId()), "a suspended account's call goes on");

        assertEquals(200, Tokens.rest(port, main, "POST", "/2010-04-01/Accounts/" + sub + ".json", "Status=closed").statusCode());
        h.waitUntil("the call completed", () -> statusOf(sub, call.channelId()) == CallStatus.COMPLETED);
    }

    @Test
    void anActiveAccountsNumberStillAnswers() {
        h.number("1000", "/voice", null, null);
        h.app.respond("/voice", "<Response><Hangup/></Response>");

        CallRecord done = h.finished(h.call("+15551234567", "1000").channelId());

        assertEquals(CallStatus.COMPLETED, done.status());
        assertEquals(1, h.app.requests("/voice").size());
    }
}
