package org.patchbay.adapters.redis;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.patchbay.core.store.Store;
import org.patchbay.testkit.RedisServer;
import org.patchbay.testkit.StoreContract;

import java.util.UUID;

/** The Redis store keeps the promises every store keeps; each test gets a key prefix of its own. */
class RedisStoreContractIT extends StoreContract {
    private static RedisServer redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Override
    protected Store newStore() {
        return new RedisStore(vertx(), redis.url(), "contract-" + UUID.randomUUID() + ":");
    }
}
