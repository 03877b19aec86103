package org.patchbay.core.webhook;

import io.vertx.core.Future;
import org.junit.jupiter.api.Test;
import org.patchbay.core.notification.Notification;
import org.patchbay.core.notification.Notifications;
import org.patchbay.core.store.memory.MemoryStore;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A webhook the outbound policy refused is a Notification on its account; any other failure is not. */
class RefusalNoticesTest {
    private static final String ACCOUNT = "AC" + "1".repeat(32);
    private static final String CALL = "CA" + "2".repeat(32);
    private static final String URL = "http://127.0.0.2:8080/status";

    private final MemoryStore store = new MemoryStore();

    private List<Notification> logged() throws Exception {
        return store.of(Notification.KIND).list(ACCOUNT, n -> true, 0, 10).toCompletionStage().toCompletableFuture()
                .get(5, TimeUnit.SECONDS).items();
    }

    private WebhookOutcome send(WebhookOutcome outcome) throws Exception {
        RefusalNotices notices = new RefusalNotices(webhook -> Future.succeededFuture(outcome), new Notifications(store));
        return notices.send(new Webhook(URL, "POST", Map.of("AccountSid", ACCOUNT, "CallSid", CALL, "CallStatus", "completed"),
                "token", CALL)).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void aRefusedStatusCallbackIsA11290WarningWithItsUrlOnTheAccount() throws Exception {
        WebhookOutcome refused = new WebhookOutcome(false, 1, null,
                "refused by the outbound policy: 127.0.0.2 is 127.0.0.2, in denied range 127.0.0.2/32", true);

        assertEquals(refused, send(refused), "the caller still gets the outcome");
        long deadline = System.currentTimeMillis() + 5_000;
        while (logged().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        List<Notification> logged = logged();
        assertEquals(1, logged.size());
        Notification notice = logged.get(0);
        assertEquals(11290, notice.errorCode());
        assertEquals(Notification.WARNING, notice.log());
        assertEquals(CALL, notice.callSid());
        assertEquals(URL, notice.requestUrl());
        assertEquals("POST", notice.requestMethod());
        assertTrue(notice.messageText().contains(URL) && notice.messageText().contains("127.0.0.2/32"), notice.messageText());
    }

    @Test
    void aCallbackThatFailedForAnotherReasonLogsNothingHere() throws Exception {
        send(new WebhookOutcome(false, 4, 503, "HTTP 503"));
        send(new WebhookOutcome(true, 1, 200, null));

        Thread.sleep(100);
        assertEquals(List.of(), logged());
    }
}
