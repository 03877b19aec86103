package org.patchbay.asterisk.sim.ari;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.patchbay.asterisk.sim.engine.AriError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.NoSuchElementException;

/** Registers ARI operations under a prefix and turns their replies and errors into HTTP responses. */
final class AriRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(AriRoutes.class);

    private final Router router;
    private final String prefix;

    AriRoutes(Router router, String prefix) {
        this.router = router;
        this.prefix = prefix;
    }

    void get(String path, AriAction action) {
        router.get(prefix + path).handler(context -> run(context, action));
    }

    void post(String path, AriAction action) {
        router.post(prefix + path).handler(context -> run(context, action));
    }

    void put(String path, AriAction action) {
        router.put(prefix + path).handler(context -> run(context, action));
    }

    void delete(String path, AriAction action) {
        router.delete(prefix + path).handler(context -> run(context, action));
    }

    static void run(RoutingContext context, AriAction action) {
        Future<Reply> reply;
        try {
            reply = action.handle(AriParams.of(context));
        } catch (RuntimeException failure) {
            reply = Future.failedFuture(failure);
        }
        reply.onComplete(done -> write(context, done.succeeded() ? done.result() : failure(done.cause())));
    }

    static void write(RoutingContext context, Reply reply) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(reply.status());
        Object body = reply.body();
        if (body == null) {
            response.end();
            return;
        }
        response.putHeader("Content-Type", reply.contentType());
        if (body instanceof Buffer bytes) {
            response.end(bytes);
        } else if (body instanceof JsonObject json) {
            response.end(json.encode());
        } else if (body instanceof JsonArray json) {
            response.end(json.encode());
        } else {
            response.end(String.valueOf(body));
        }
    }

    private static Reply failure(Throwable cause) {
        if (cause instanceof AriError error) {
            return new Reply(error.status(), error.body(), "application/json");
        }
        if (cause instanceof NoSuchElementException missing) {
            return new Reply(404, new JsonObject().put("message", String.valueOf(missing.getMessage())),
                    "application/json");
        }
        if (cause instanceof IllegalArgumentException invalid) {
            return new Reply(400, new JsonObject().put("message", String.valueOf(invalid.getMessage())),
                    "application/json");
        }
        LOG.warn("ARI request failed inside the sim", cause);
        return new Reply(500, new JsonObject().put("message", "Internal Server Error"), "application/json");
    }
}
