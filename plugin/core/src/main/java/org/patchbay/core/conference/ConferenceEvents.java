package org.patchbay.core.conference;

import org.patchbay.core.webhook.Webhook;
import org.patchbay.core.webhook.WebhookSender;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A conference's status callbacks, configured by the first call whose noun names a statusCallback,
 * numbered and delivered in order. Without statusCallbackEvent Twilio reports start and end.
 */
final class ConferenceEvents {
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final Set<String> DEFAULT_EVENTS = Set.of("start", "end");

    private final WebhookSender webhooks;
    private final Supplier<Conference> conference;
    private String url;
    private String method;
    private String authToken;
    private Set<String> wanted = DEFAULT_EVENTS;
    private int sequence;

    ConferenceEvents(WebhookSender webhooks, Supplier<Conference> conference) {
        this.webhooks = webhooks;
        this.conference = conference;
    }

    void configure(MemberSpec spec) {
        if (url == null && spec.statusCallback() != null && !spec.statusCallback().isBlank()) {
            url = spec.statusCallback();
            method = spec.statusCallbackMethod();
            authToken = spec.authToken();
            wanted = spec.statusCallbackEvents().isEmpty() ? DEFAULT_EVENTS : spec.statusCallbackEvents();
        }
    }

    /** @param event Twilio's StatusCallbackEvent value; {@code choice} the short name the noun lists it by */
    void report(String event, String choice, MemberSpec spec, String callSid) {
        report(event, choice, spec, callSid, false);
    }

    /** @param hold whether the participant is on hold now */
    void report(String event, String choice, MemberSpec spec, String callSid, boolean hold) {
        if (url == null || !wanted.contains(choice)) {
            return;
        }
        Conference current = conference.get();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", current.accountSid());
        params.put("ConferenceSid", current.sid());
        params.put("FriendlyName", current.friendlyName());
        params.put("StatusCallbackEvent", event);
        params.put("SequenceNumber", Integer.toString(sequence++));
        params.put("Timestamp", RFC_2822.format(Instant.now()));
        if (callSid != null) {
            params.put("CallSid", callSid);
        }
        if (spec != null) {
            params.put("Muted", Boolean.toString(spec.muted()));
            params.put("Hold", Boolean.toString(hold));
            params.put("Coaching", "false");
            params.put("EndConferenceOnExit", Boolean.toString(spec.endConferenceOnExit()));
            params.put("StartConferenceOnEnter", Boolean.toString(spec.startConferenceOnEnter()));
        }
        if (current.reasonConferenceEnded() != null) {
            params.put("ReasonConferenceEnded", current.reasonConferenceEnded());
        }
        webhooks.send(new Webhook(url, method, params, authToken, current.sid()));
    }
}
