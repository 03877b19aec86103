package org.patchbay.adapters.redis;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.patchbay.core.store.Store;
import org.patchbay.testkit.SharedRedis;
import org.patchbay.testkit.StoreContract;

import java.util.UUID;

/** The Redis store keeps the promises every store keeps; each test gets a key prefix of its own. */
class RedisStoreContractIT extends StoreContract {
    @RegisterExtension
    static final SharedRedis REDIS = new SharedRedis();

    @Override
    protected Store newStore() {
        return new RedisStore(vertx(), REDIS.url(), "contract-" + UUID.randomUUID() + ":");
    }
}
