package org.patchbay.server.api.events;

import io.vertx.core.json.JsonObject;
import org.patchbay.core.events.sink.SubscribedType;
import org.patchbay.core.events.sink.Subscription;
import org.patchbay.core.events.sink.SubscriptionFilters;
import org.patchbay.core.events.sink.TextMatch;
import org.patchbay.server.api.http.IsoDates;

/**
 * A Subscription as Twilio's {@code events.v1.subscription} names its fields, plus Patchbay's {@code filters}
 * and {@code batching}; and its subscribed events as {@code events.v1.subscription.subscribed_event}.
 */
final class SubscriptionJson {
    private SubscriptionJson() {
    }

    static JsonObject of(Subscription subscription, String baseUrl) {
        String url = url(baseUrl, subscription.sid());
        SubscriptionFilters filters = subscription.filters();
        return new JsonObject()
                .put("account_sid", subscription.accountSid())
                .put("sid", subscription.sid())
                .put("date_created", IsoDates.format(subscription.dateCreated()))
                .put("date_updated", IsoDates.format(subscription.dateUpdated()))
                .put("description", subscription.description())
                .put("sink_sid", subscription.sinkSid())
                .put("url", url)
                .put("links", new JsonObject().put("subscribed_events", url + "/SubscribedEvents"))
                .put("filters", new JsonObject()
                        .put("subject", pattern(filters.subject()))
                        .put("account_sid", pattern(filters.accountSid()))
                        .put("direction", pattern(filters.direction()))
                        .put("to", pattern(filters.to()))
                        .put("from", pattern(filters.from()))
                        .put("include_subaccounts", filters.includeSubaccounts()))
                .put("batching", new JsonObject()
                        .put("size", subscription.batching().size())
                        .put("wait_ms", subscription.batching().maxWait().toMillis()));
    }

    static JsonObject subscribedEvent(Subscription subscription, SubscribedType type, String baseUrl) {
        return new JsonObject()
                .put("account_sid", subscription.accountSid())
                .put("type", type.type())
                .put("schema_version", type.schemaVersion())
                .put("subscription_sid", subscription.sid())
                .put("url", url(baseUrl, subscription.sid()) + "/SubscribedEvents/" + type.type());
    }

    static String url(String baseUrl, String sid) {
        return baseUrl + "/v1/Subscriptions/" + sid;
    }

    private static String pattern(TextMatch match) {
        return match == null ? null : match.pattern();
    }
}
