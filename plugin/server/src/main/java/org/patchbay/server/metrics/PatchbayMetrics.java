package org.patchbay.server.metrics;

import org.patchbay.core.events.delivery.DeliveryObserver;
import org.patchbay.core.limits.Limiter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.patchbay.adapters.ari.AriConnection;
import org.patchbay.core.webhook.WebhookSender;
import org.patchbay.server.config.Setting;
import org.patchbay.server.config.SettingValues;

/** One Patchbay's metrics: its registry, the meters fed by its events and hooks, and {@code /metrics}. */
public final class PatchbayMetrics {
    private final Meters.Registry registry;
    private final EventMeters calls;
    private final String token;

    private PatchbayMetrics(Meters.Registry registry, String token) {
        this.registry = registry;
        this.calls = new EventMeters(registry.meters());
        this.token = token;
    }

    public static PatchbayMetrics start(Vertx vertx, SettingValues settings) {
        PatchbayMetrics metrics = new PatchbayMetrics(Meters.of(vertx), settings.get(Setting.METRICS_TOKEN));
        metrics.calls.listen(vertx);
        return metrics;
    }

    public PrometheusMeterRegistry registry() {
        return registry.meters();
    }

    public WebhookSender webhooks(WebhookSender sender) {
        return new MeteredWebhooks(sender, registry.meters());
    }

    /** The limiter, counting what it admits and refuses and the slots this node holds. */
    public Limiter limiter(Limiter limiter) {
        return new MeteredLimiter(limiter, registry.meters());
    }

    /** Counts event deliveries, failures, drops and lag per sink. */
    public DeliveryObserver deliveries() {
        return new MeteredDeliveries(registry.meters());
    }

    public void watch(AriConnection ari) {
        new AriMeters(registry.meters()).watch(ari);
    }

    public void mount(Router router) {
        new MetricsRoute(registry.meters(), token).mount(router);
    }

    public Future<Void> stop() {
        calls.stop();
        registry.close();
        return Future.succeededFuture();
    }
}
