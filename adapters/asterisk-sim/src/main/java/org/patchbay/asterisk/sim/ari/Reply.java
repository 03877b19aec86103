package org.patchbay.asterisk.sim.ari;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/** An HTTP response: a status and a JSON value, raw bytes, or nothing. */
public record Reply(int status, Object body, String contentType) {

    public static Future<Reply> ok(Object json) {
        return Future.succeededFuture(new Reply(200, json, "application/json"));
    }

    public static Future<Reply> created(Object json) {
        return Future.succeededFuture(new Reply(201, json, "application/json"));
    }

    public static Future<Reply> noContent() {
        return Future.succeededFuture(new Reply(204, null, null));
    }

    public static Future<Reply> noContentWhen(Future<?> done) {
        return done.map(ignored -> new Reply(204, null, null));
    }

    public static Future<Reply> bytes(Buffer body, String contentType) {
        return Future.succeededFuture(new Reply(200, body, contentType));
    }
}
