package org.patchbay.server.api.notifications;

import io.vertx.core.json.JsonObject;
import org.patchbay.core.notification.Notification;
import org.patchbay.server.api.http.TwilioDates;
import org.patchbay.server.api.http.Uris;

import java.util.Locale;

/**
 * A notification as Twilio names its fields: lists show {@code api.v2010.account.notification},
 * a fetch adds the request and response details ({@code notification-instance}). Twilio sends the
 * error code and log level as strings.
 */
final class NotificationJson {
    private NotificationJson() {
    }

    /** @param uri where this notification is fetched: under the account or under its call */
    static JsonObject listItem(Notification n, String uri) {
        return new JsonObject()
                .put("account_sid", n.accountSid())
                .put("api_version", Uris.API_VERSION)
                .put("call_sid", n.callSid())
                .put("date_created", TwilioDates.format(n.dateCreated()))
                .put("date_updated", TwilioDates.format(n.dateCreated()))
                .put("error_code", String.valueOf(n.errorCode()))
                .put("log", String.valueOf(n.log()))
                .put("message_date", TwilioDates.format(n.messageDate()))
                .put("message_text", n.messageText())
                .put("more_info", n.moreInfo() != null ? n.moreInfo() : "https://www.twilio.com/docs/errors/" + n.errorCode())
                .put("request_method", method(n.requestMethod()))
                .put("request_url", n.requestUrl())
                .put("sid", n.sid())
                .put("uri", uri);
    }

    static JsonObject instance(Notification n, String uri) {
        return listItem(n, uri)
                .put("request_variables", n.requestVariables())
                .put("response_body", n.responseBody())
                .put("response_headers", null);
    }

    static String accountUri(Notification n) {
        return Uris.resource(n.accountSid(), "Notifications", n.sid());
    }

    static String callUri(Notification n) {
        return Uris.account(n.accountSid()) + "/Calls/" + n.callSid() + "/Notifications/" + n.sid() + ".json";
    }

    /** Twilio's schema allows only GET and POST here. */
    private static String method(String method) {
        if (method == null) {
            return null;
        }
        String upper = method.toUpperCase(Locale.ROOT);
        return upper.equals("GET") || upper.equals("POST") ? upper : null;
    }
}
