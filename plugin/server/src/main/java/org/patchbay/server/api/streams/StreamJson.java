package org.patchbay.server.api.streams;

import io.vertx.core.json.JsonObject;
import org.patchbay.core.call.stream.StreamState;
import org.patchbay.server.api.http.TwilioDates;
import org.patchbay.server.api.http.Uris;

/** A stream as Twilio's {@code api.v2010.account.call.stream} schema names its fields. */
final class StreamJson {
    private StreamJson() {
    }

    static JsonObject of(StreamState stream) {
        return new JsonObject()
                .put("sid", stream.sid())
                .put("account_sid", stream.accountSid())
                .put("call_sid", stream.callSid())
                .put("name", stream.name())
                .put("status", stream.status())
                .put("date_updated", TwilioDates.format(stream.dateUpdated()))
                .put("uri", Uris.account(stream.accountSid()) + "/Calls/" + stream.callSid() + "/Streams/"
                        + stream.sid() + ".json");
    }
}
