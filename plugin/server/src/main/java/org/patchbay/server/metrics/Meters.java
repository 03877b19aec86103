package org.patchbay.server.metrics;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.shareddata.Shareable;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

/**
 * Where Patchbay's meters live: one Prometheus registry per process. {@link #meteredVertx()} builds a
 * Vert.x that records its own meters (HTTP server and clients, event bus, pools) into it; a Patchbay
 * started on any other Vert.x gets a registry of its own, with the JVM's meters but without Vert.x's.
 */
public final class Meters {
    private static final String SHARED_MAP = "patchbay.metrics";
    private static final String KEY = "registry";

    private Meters() {
    }

    /** Kept in the Vert.x instance's local map, so a Patchbay started on it finds the registry its Vert.x writes to. */
    private record Shared(PrometheusMeterRegistry registry) implements Shareable {
    }

    /** What a Patchbay records into; {@link #close()} releases it only when this Patchbay made it. */
    public record Registry(PrometheusMeterRegistry meters, JvmGcMetrics gc) {
        public void close() {
            if (gc != null) {
                gc.close();
                meters.close();
            }
        }
    }

    public static Vertx meteredVertx() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        bindJvmMeters(registry);
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
        vertx.sharedData().<String, Shared>getLocalMap(SHARED_MAP).put(KEY, new Shared(registry));
        return vertx;
    }

    public static Registry of(Vertx vertx) {
        Shared shared = vertx.sharedData().<String, Shared>getLocalMap(SHARED_MAP).get(KEY);
        if (shared != null) {
            return new Registry(shared.registry(), null);
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        return new Registry(registry, bindJvmMeters(registry));
    }

    /** @return the GC meters, which listen to the JVM until closed */
    private static JvmGcMetrics bindJvmMeters(PrometheusMeterRegistry registry) {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        return gc;
    }
}
