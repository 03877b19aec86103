package org.patchbay.server.dashboard;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The operator's dashboard under {@code /dashboard}: the page and its script and style (from the jar),
 * the live stream of changes (server-sent events) and one call's timeline. Every route signs in first.
 */
final class DashboardRoutes {
    static final String PATH = "/dashboard";
    private static final String RESOURCES = "org/patchbay/server/dashboard/";
    private static final String SECURITY = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

    private final DashboardAuth auth;
    private final LiveBoard board;
    private final Buffer page = resource("index.html");
    private final Buffer script = resource("dashboard.js");
    private final Buffer style = resource("dashboard.css");

    DashboardRoutes(DashboardAuth auth, LiveBoard board) {
        this.auth = auth;
        this.board = board;
    }

    void mount(Router router) {
        router.get(PATH).handler(ctx -> file(ctx, page, "text/html; charset=utf-8"));
        router.get(PATH + "/dashboard.js").handler(ctx -> file(ctx, script, "text/javascript; charset=utf-8"));
        router.get(PATH + "/dashboard.css").handler(ctx -> file(ctx, style, "text/css; charset=utf-8"));
        router.get(PATH + "/stream").handler(this::stream);
        router.get(PATH + "/calls/:sid").handler(this::call);
    }

    private void file(RoutingContext ctx, Buffer body, String type) {
        auth.signIn(ctx).onSuccess(scope -> ctx.response().putHeader("Content-Type", type)
                .putHeader("Cache-Control", "no-cache").putHeader("Content-Security-Policy", SECURITY)
                .putHeader("X-Content-Type-Options", "nosniff").end(body));
    }

    private void stream(RoutingContext ctx) {
        auth.signIn(ctx).onSuccess(scope -> {
            ctx.response().setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
                    .putHeader("Cache-Control", "no-store").putHeader("X-Accel-Buffering", "no");
            ctx.response().write("retry: 1000\n\n");
            board.open(scope, ctx.response());
        });
    }

    private void call(RoutingContext ctx) {
        auth.signIn(ctx).compose(scope -> board.call(scope, ctx.pathParam("sid"))).onSuccess(found -> {
            if (found == null) {
                ctx.response().setStatusCode(404).putHeader("Content-Type", "application/json")
                        .end("{\"message\":\"no such call on the dashboard\"}");
            } else {
                ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                        .end(found.encode());
            }
        });
    }

    private static Buffer resource(String name) {
        try (InputStream in = DashboardRoutes.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the dashboard's " + name);
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
