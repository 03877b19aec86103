package org.patchbay.server.api.members;

import io.vertx.core.json.JsonObject;
import org.patchbay.core.queue.QueueMember;
import org.patchbay.server.api.http.TwilioDates;
import org.patchbay.server.api.http.Uris;

import java.time.Duration;
import java.time.Instant;

/** A call waiting in a queue as Twilio's {@code api.v2010.account.queue.member} schema names its fields. */
final class MemberJson {
    private MemberJson() {
    }

    /** @param position where the call stands in line now (1 is the front) */
    static JsonObject of(QueueMember member, int position, Instant now) {
        return new JsonObject()
                .put("call_sid", member.callSid())
                .put("date_enqueued", TwilioDates.format(member.dateEnqueued()))
                .put("position", position)
                .put("uri", Uris.account(member.accountSid()) + "/Queues/" + member.queueSid() + "/Members/" + member.callSid() + ".json")
                .put("wait_time", (int) Math.max(0, Duration.between(member.dateEnqueued(), now).toSeconds()))
                .put("queue_sid", member.queueSid());
    }
}
