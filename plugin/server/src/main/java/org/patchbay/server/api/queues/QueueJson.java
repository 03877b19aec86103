package org.patchbay.server.api.queues;

import io.vertx.core.json.JsonObject;
import org.patchbay.core.queue.Queue;
import org.patchbay.server.api.http.TwilioDates;
import org.patchbay.server.api.http.Uris;

/** A queue as Twilio's {@code api.v2010.account.queue} schema names its fields. */
final class QueueJson {
    private QueueJson() {
    }

    static JsonObject of(Queue queue) {
        return new JsonObject()
                .put("date_updated", TwilioDates.format(queue.dateUpdated()))
                .put("current_size", queue.currentSize())
                .put("friendly_name", queue.friendlyName())
                .put("uri", Uris.account(queue.accountSid()) + "/Queues/" + queue.sid() + ".json")
                .put("account_sid", queue.accountSid())
                .put("average_wait_time", queue.averageWaitTime())
                .put("sid", queue.sid())
                .put("date_created", TwilioDates.format(queue.dateCreated()))
                .put("max_size", queue.maxSize());
    }
}
