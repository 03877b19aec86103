package org.patchbay.server.api.events;

import io.vertx.core.json.JsonObject;
import org.patchbay.core.events.sink.Sink;
import org.patchbay.server.api.http.IsoDates;

/** A Sink as Twilio's {@code events.v1.sink} names its fields. */
final class SinkJson {
    private SinkJson() {
    }

    static JsonObject of(Sink sink, String baseUrl) {
        String url = url(baseUrl, sink.sid());
        return new JsonObject()
                .put("date_created", IsoDates.format(sink.dateCreated()))
                .put("date_updated", IsoDates.format(sink.dateUpdated()))
                .put("description", sink.description())
                .put("sid", sink.sid())
                .put("sink_configuration", new JsonObject(sink.sinkConfiguration()))
                .put("sink_type", sink.sinkType().wireName())
                .put("status", sink.status().name())
                .put("url", url)
                .put("links", new JsonObject().put("sink_test", url + "/Test").put("sink_validate", url + "/Validate"));
    }

    static String url(String baseUrl, String sid) {
        return baseUrl + "/v1/Sinks/" + sid;
    }
}
