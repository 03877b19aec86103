package org.patchbay.core.webhook;

import io.vertx.core.Future;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.notification.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a Notification on the account when the outbound request policy refuses one of its webhooks
 * (status, action, recording or usage-trigger callbacks), so the developer sees why the callback
 * never came, with its URL, instead of the operator finding a line in Patchbay's log. Code 11290, as
 * for a refused TwiML fetch; a warning, since the call itself goes on.
 */
public final class RefusalNotices implements WebhookSender {
    private static final Logger LOG = LoggerFactory.getLogger(RefusalNotices.class);

    private final WebhookSender sender;
    private final Notifications notifications;

    public RefusalNotices(WebhookSender sender, Notifications notifications) {
        this.sender = sender;
        this.notifications = notifications;
    }

    @Override
    public Future<WebhookOutcome> send(Webhook webhook) {
        return sender.send(webhook).andThen(done -> {
            if (done.succeeded() && done.result().refused()) {
                logged(webhook, done.result());
            }
        });
    }

    private void logged(Webhook webhook, WebhookOutcome outcome) {
        // Every Twilio-shaped callback carries its account (and a call's, its call).
        String accountSid = webhook.params().get("AccountSid");
        String message = "Webhook " + webhook.method() + " " + webhook.url() + " not sent: " + outcome.error();
        if (accountSid == null) {
            LOG.warn("{} (no AccountSid to log it on)", message);
            return;
        }
        notifications.warning(accountSid, webhook.params().get("CallSid"), ErrorCode.OUTBOUND_REFUSED.code(), message,
                new Notifications.Request(webhook.url(), webhook.method(), webhook.params(), null, null));
    }
}
