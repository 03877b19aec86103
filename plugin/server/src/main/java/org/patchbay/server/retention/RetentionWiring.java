package org.patchbay.server.retention;

import io.vertx.core.Vertx;
import org.patchbay.core.store.Store;
import org.patchbay.core.store.retention.Retention;
import org.patchbay.server.config.SettingValues;
import org.patchbay.server.config.Setting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * How long records are kept (the {@code PATCHBAY_RETENTION_*} settings) and the periodic sweep that drops
 * the expired ones with their index entries. Every node sweeps; the sweep's steps are atomic scripts, so
 * two nodes sweeping at once drop each record once.
 */
public final class RetentionWiring {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionWiring.class);

    private RetentionWiring() {
    }

    public static Retention retention(SettingValues settings) {
        return Retention.of(settings.duration(Setting.RETENTION_CALLS), settings.duration(Setting.RETENTION_NOTIFICATIONS),
                settings.duration(Setting.RETENTION_RECORDINGS), Clock.systemUTC());
    }

    /** Sweeps every {@code PATCHBAY_RETENTION_SWEEP}; answers the timer id (cancel it to stop). */
    public static long schedule(Vertx vertx, Store store, SettingValues settings) {
        long period = Math.max(1_000, settings.duration(Setting.RETENTION_SWEEP).toMillis());
        return vertx.setPeriodic(period, id -> store.sweep()
                .onSuccess(dropped -> {
                    if (dropped > 0) {
                        LOG.info("retention: dropped {} expired records", dropped);
                    }
                })
                .onFailure(e -> LOG.warn("retention sweep failed: {}", e.getMessage())));
    }
}
