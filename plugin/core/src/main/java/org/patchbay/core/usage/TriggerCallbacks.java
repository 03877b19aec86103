package org.patchbay.core.usage;

import io.vertx.core.Future;
import org.patchbay.core.account.Account;
import org.patchbay.core.events.EventPublisher;
import org.patchbay.core.events.UsageTriggerFired;
import org.patchbay.core.webhook.Webhook;
import org.patchbay.core.webhook.WebhookSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Processes a firing: the trigger's callback, signed with its account's auth token and retried by the
 * webhook sender when it fails, and the {@code io.patchbay.usage.trigger.fired} event. The
 * {@code IdempotencyToken} names the trigger and the period, so a receiver can tell a retry from a new firing.
 */
public final class TriggerCallbacks {
    private static final Logger LOG = LoggerFactory.getLogger(TriggerCallbacks.class);
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private final UsageStore store;
    private final AccountFamily accounts;
    private final WebhookSender webhooks;
    private final EventPublisher events;

    public TriggerCallbacks(UsageStore store, AccountFamily accounts, WebhookSender webhooks, EventPublisher events) {
        this.store = store;
        this.accounts = accounts;
        this.webhooks = webhooks;
        this.events = events;
    }

    /** Completes once the callback is handed to the sender (delivery and its retries go on in the background). */
    public Future<Void> fire(Firing firing, Instant at) {
        return store.trigger(firing.triggerSid()).compose(trigger -> trigger == null
                ? Future.<Void>succeededFuture()
                : accounts.account(trigger.accountSid()).map(account -> {
                    send(trigger, account, firing, at);
                    return null;
                }));
    }

    private void send(UsageTrigger trigger, Account account, Firing firing, Instant at) {
        Map<String, String> params = parameters(trigger, firing, at);
        events.publish(new UsageTriggerFired(trigger.accountSid(), trigger.sid(), at, params));
        if (trigger.callbackUrl() == null || account == null) {
            return;
        }
        String method = trigger.callbackMethod() == null ? "POST" : trigger.callbackMethod();
        webhooks.send(new Webhook(trigger.callbackUrl(), method, params, account.authToken(), null))
                .onSuccess(outcome -> {
                    if (!outcome.delivered()) {
                        LOG.warn("usage trigger {}: callback not delivered after {} attempts: {}", trigger.sid(),
                                outcome.attempts(), outcome.error() != null ? outcome.error() : "HTTP " + outcome.lastStatus());
                    }
                });
    }

    static Map<String, String> parameters(UsageTrigger trigger, Firing firing, Instant at) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", trigger.accountSid());
        params.put("UsageTriggerSid", trigger.sid());
        params.put("DateFired", RFC_2822.format(at));
        params.put("Recurring", trigger.recurring() == null ? "" : trigger.recurring().wire());
        params.put("UsageCategory", trigger.category());
        params.put("TriggerBy", trigger.triggerBy().wire());
        params.put("TriggerValue", trigger.triggerValue().toPlainString());
        params.put("CurrentValue", trigger.format(firing.currentValue()));
        params.put("UsageRecordUri", UsageUris.watchedRecord(trigger));
        params.put("IdempotencyToken", trigger.accountSid() + "-FIRES-" + trigger.sid() + "-" + firing.period().replace(':', '-'));
        return params;
    }
}
