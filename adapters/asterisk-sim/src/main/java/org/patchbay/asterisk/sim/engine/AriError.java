package org.patchbay.asterisk.sim.engine;

import io.vertx.core.json.JsonObject;

/** An ARI error response: the HTTP status and the JSON body Asterisk sends with it. */
public final class AriError extends RuntimeException {
    private final int status;
    private final transient JsonObject body;

    private AriError(int status, JsonObject body) {
        super(status + " " + body.encode(), null, false, false);
        this.status = status;
        this.body = body;
    }

    public static AriError of(int status, String message) {
        return new AriError(status, new JsonObject().put("message", message));
    }

    static AriError badRequest(String message) {
        return of(400, message);
    }

    static AriError notFound(String message) {
        return of(404, message);
    }

    static AriError conflict(String message) {
        return of(409, message);
    }

    static AriError unprocessable(String message) {
        return of(422, message);
    }

    static AriError serverError(String message) {
        return of(500, message);
    }

    /** What Asterisk answers when it cannot create a channel for the technology (e.g. {@code Bogus/123}). */
    static AriError allocationFailed() {
        return new AriError(500, new JsonObject().put("error", "Allocation failed"));
    }

    static AriError notInStasis() {
        return conflict("Channel not in Stasis application");
    }

    public int status() {
        return status;
    }

    public JsonObject body() {
        return body.copy();
    }
}
