package org.patchbay.core.call;

import org.patchbay.core.webhook.Webhook;
import org.patchbay.core.webhook.WebhookSender;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * A call's status callbacks: the events its application chose, numbered from 0 and delivered in
 * order (one ordering key per call) without the call ever waiting for them.
 */
final class StatusCallbacks {
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final WebhookSender sender;
    private final CallApp app;
    private final String authToken;
    private int sequence;

    StatusCallbacks(WebhookSender sender, CallApp app, String authToken) {
        this.sender = sender;
        this.app = app;
        this.authToken = authToken;
    }

    /** What a status callback for {@code event} carries, less its per-callback {@code SequenceNumber}. */
    static Map<String, String> parameters(String event, CallRecord call, Instant at) {
        Map<String, String> params = CallParameters.of(call);
        params.put("CallbackSource", "call-progress-events");
        params.put("Timestamp", RFC_2822.format(at));
        if ("completed".equals(event)) {
            String seconds = Long.toString(call.duration() == null ? 0 : call.duration());
            params.put("CallDuration", seconds);
            params.put("Duration", Long.toString((Long.parseLong(seconds) + 59) / 60));
        }
        return params;
    }

    void report(String event, CallRecord call, Instant at) {
        if (app.statusCallback() == null || app.statusCallback().isBlank() || !app.statusCallbackEvents().contains(event)) {
            return;
        }
        Map<String, String> params = parameters(event, call, at);
        params.put("SequenceNumber", Integer.toString(sequence++));
        sender.send(new Webhook(app.statusCallback(), app.statusCallbackMethod(), params, authToken, call.sid()));
    }
}
