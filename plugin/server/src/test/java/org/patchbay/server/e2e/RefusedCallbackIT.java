package org.patchbay.server.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.notification.Notification;
import org.patchbay.core.number.PhoneNumber;
import org.patchbay.core.sid.Sids;
import org.patchbay.testkit.FakeAppServer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A status callback whose address the operator denies (127.0.0.2 stands for an internal network)
 * is not sent, and the account sees why: a Notification 11290 naming the URL. The call is unharmed.
 */
class RefusedCallbackIT {
    @TempDir
    Path dataDir;
    private Harness h;
    private FakeAppServer internal;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir, Map.of("PATCHBAY_OUTBOUND_DENY", "127.0.0.2/32"));
        internal = Harness.await(FakeAppServer.start(h.vertx, "127.0.0.2"));
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void aRefusedStatusCallbackIsANotificationWithItsUrl() {
        Instant now = Instant.now();
        String statusUrl = internal.url("/status");
        Harness.await(h.patchbay.store().of(PhoneNumber.KIND).put(new PhoneNumber(Sids.next(Sids.PHONE_NUMBER),
                h.patchbay.mainAccount().sid(), "3400", "3400", h.app.url("/voice"), "POST", null, "POST",
                statusUrl, "POST", null, now, now)));
        h.app.respond("/voice", "<Response><Say>Hello</Say></Response>");

        InboundCall call = h.call("+15550003401", "3400");
        assertEquals(CallStatus.COMPLETED, h.finished(call.channelId()).status(), "the call itself is unharmed");
        String callSid = h.finished(call.channelId()).sid();
        h.waitUntil("a notification for the refused callback", () -> !refusals(callSid).isEmpty());

        Notification notice = refusals(callSid).get(0);
        assertEquals(Notification.WARNING, notice.log());
        assertEquals(statusUrl, notice.requestUrl());
        assertTrue(notice.messageText().contains("127.0.0.2/32"), notice.messageText());
        assertEquals(0, internal.connectionsAccepted(), "nothing reached the denied address");
    }

    private List<Notification> refusals(String callSid) {
        return Harness.await(h.patchbay.store().of(Notification.KIND).list(h.patchbay.mainAccount().sid(),
                n -> callSid.equals(n.callSid()) && n.errorCode() == 11290, 0, 10)).items();
    }
}
