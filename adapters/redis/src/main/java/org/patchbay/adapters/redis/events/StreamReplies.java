package org.patchbay.adapters.redis.events;

import io.vertx.redis.client.Response;

/** Reading XREAD/XREADGROUP replies, which are [[stream, entries], …] in RESP2 and {stream: entries} in RESP3. */
final class StreamReplies {

    private StreamReplies() {
    }

    /** The entries of {@code stream} in the reply, or null when it has none. */
    static Response entriesOf(Response reply, String stream) {
        if (reply == null) {
            return null;
        }
        if (reply.isMap()) {
            return reply.containsKey(stream) ? reply.get(stream) : null;
        }
        for (Response pair : reply) {
            if (pair != null && pair.size() == 2 && stream.equals(pair.get(0).toString())) {
                return pair.get(1);
            }
        }
        return null;
    }
}
