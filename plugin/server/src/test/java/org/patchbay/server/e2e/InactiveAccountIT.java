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

    @Test
    void anActiveAccountsNumberStillAnswers() {
        h.number("1000", "/voice", null, null);
        h.app.respond("/voice", "<Response><Hangup/></Response>");

        CallRecord done = h.finished(h.call("+15551234567", "1000").channelId());

        assertEquals(CallStatus.COMPLETED, done.status());
        assertEquals(1, h.app.requests("/voice").size());
    }
}
