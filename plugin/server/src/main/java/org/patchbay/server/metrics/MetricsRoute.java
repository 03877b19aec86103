package org.patchbay.server.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code GET /metrics}: the registry in Prometheus's text format. Open, or, when a token is configured,
 * only to requests with {@code Authorization: Bearer <token>} (compared in constant time).
 */
public final class MetricsRoute {
    public static final String PATH = "/metrics";

    private final Handler<RoutingContext> scrape;
    private final byte[] expected;

    public MetricsRoute(PrometheusMeterRegistry registry, String token) {
        this.scrape = PrometheusScrapingHandler.create(registry);
        this.expected = token == null || token.isEmpty() ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    public void mount(Router router) {
        router.get(PATH).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        if (expected != null) {
            String given = ctx.request().getHeader("Authorization");
            if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
                ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer realm=\"patchbay metrics\"")
                        .putHeader("Content-Type", "text/plain").end("a metrics token is required\n");
                return;
            }
        }
        scrape.handle(ctx);
    }
}
