package org.patchbay.server.api.calls;

import io.vertx.core.json.JsonObject;
import org.patchbay.core.call.CallRecord;
import org.patchbay.server.api.http.TwilioDates;
import org.patchbay.server.api.http.Uris;

/**
 * A call as Twilio's {@code api.v2010.account.call} schema names its fields. Patchbay has no prices,
 * trunks or groups: those fields are null, and numbers are shown as dialled rather than formatted.
 */
final class CallJson {
    private CallJson() {
    }

    static JsonObject of(CallRecord call) {
        String base = Uris.account(call.accountSid()) + "/Calls/" + call.sid();
        return new JsonObject()
                .put("sid", call.sid())
                .put("date_created", TwilioDates.format(call.dateCreated()))
                .put("date_updated", TwilioDates.format(call.dateUpdated()))
                .put("parent_call_sid", call.parentCallSid())
                .put("account_sid", call.accountSid())
                .put("to", call.to())
                .put("to_formatted", call.to())
                .put("from", call.from())
                .put("from_formatted", call.from())
                .put("phone_number_sid", call.phoneNumberSid())
                .put("status", call.status() == null ? null : call.status().wire())
                .put("start_time", TwilioDates.format(call.startTime()))
                .put("end_time", TwilioDates.format(call.endTime()))
                .put("duration", call.duration() == null ? null : String.valueOf(call.duration()))
                .put("price", null)
                .put("price_unit", "USD")
                .put("direction", call.direction() == null ? null : call.direction().wire())
                .put("answered_by", call.answeredBy())
                .put("api_version", Uris.API_VERSION)
                .put("forwarded_from", call.forwardedFrom())
                .put("group_sid", null)
                .put("caller_name", call.callerName())
                .put("queue_time", "0")
                .put("trunk_sid", null)
                .put("uri", base + ".json")
                .put("subresource_uris", new JsonObject()
                        .put("notifications", base + "/Notifications.json")
                        .put("recordings", base + "/Recordings.json"));
    }
}
