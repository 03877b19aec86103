package org.patchbay.server.api.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** What a handler answers: a status, a content type and a body (empty for 204). */
public record Reply(int status, String contentType, Buffer body) {
    public static final String JSON = "application/json; charset=utf-8";

    public static Reply ok(JsonObject body) {
        return new Reply(200, JSON, body.toBuffer());
    }

    public static Reply created(JsonObject body) {
        return new Reply(201, JSON, body.toBuffer());
    }

    public static Reply noContent() {
        return new Reply(204, null, Buffer.buffer());
    }

    public static Reply media(String contentType, Buffer body) {
        return new Reply(200, contentType, body);
    }
}
