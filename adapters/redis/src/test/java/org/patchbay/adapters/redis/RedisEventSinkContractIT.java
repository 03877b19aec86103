package org.patchbay.adapters.redis;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.patchbay.core.store.Store;
import org.patchbay.testkit.EventSinkContract;
import org.patchbay.testkit.RedisServer;

import java.util.UUID;

/** Sinks and subscriptions in Redis keep the contract; each test gets a key prefix of its own. */
class RedisEventSinkContractIT extends EventSinkContract {
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
        return new RedisStore(vertx(), redis.url(), "sinks-" + UUID.randomUUID() + ":");
    }
}
