package org.patchbay.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.patchbay.adapters.redis.RedisStore;
import org.patchbay.core.secret.ResealPass;
import org.patchbay.core.secret.SealedStore;
import org.patchbay.core.store.Store;
import org.patchbay.core.store.journal.JournaledStore;
import org.patchbay.core.store.memory.MemoryStore;
import org.patchbay.core.store.retention.Retention;
import org.patchbay.server.config.ConfigException;
import org.patchbay.server.config.PatchbayConfig;
import org.patchbay.server.retention.RetentionWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The store Patchbay keeps its records in: Redis when configured; else, with a real Asterisk, the
 * durable embedded store in the data directory; the sandbox's in memory only. Whichever it is, it is
 * wrapped so that secrets are sealed at rest, and the secrets it holds are brought to the current key
 * before anything else reads them.
 */
final class StoreWiring {
    private static final Logger LOG = LoggerFactory.getLogger(StoreWiring.class);

    private StoreWiring() {
    }

    static Path dir(PatchbayConfig config) {
        return config.dataDir().resolve("store");
    }

    static Future<SealedStore> open(Vertx vertx, PatchbayConfig config, List<Supplier<Future<?>>> closers) {
        return records(vertx, config)
                .compose(records -> {
                    closers.add(records::close);
                    return SecretsKeys.cipher(vertx, config).map(cipher -> new SealedStore(records, cipher));
                })
                .compose(sealed -> new ResealPass(sealed).run().map(resealed -> {
                    if (resealed > 0) {
                        LOG.info("sealed {} stored secrets with the current secrets key", resealed);
                    }
                    return sealed;
                }));
    }

    /** The durable store reads its files back on a worker, never on the event loop. */
    private static Future<Store> records(Vertx vertx, PatchbayConfig config) {
        Retention retention = RetentionWiring.retention(config.settings());
        if (config.redisUrl() != null) {
            return Future.succeededFuture(new RedisStore(vertx, config.redisUrl(), config.redisPrefix(), RedisStore.DEFAULT_TIMEOUT, retention));
        }
        if (config.sandbox()) {
            return Future.succeededFuture(new MemoryStore(MemoryStore.DEFAULT_RETENTION, retention));
        }
        Path dir = dir(config);
        return vertx.<Store>executeBlocking(() -> JournaledStore.open(dir, retention), false)
                .recover(failed -> Future.failedFuture(new ConfigException("the store in " + dir + " cannot be opened: "
                        + failed.getMessage())));
    }
}
