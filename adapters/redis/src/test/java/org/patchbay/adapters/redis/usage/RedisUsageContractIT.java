package org.patchbay.adapters.redis.usage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.patchbay.core.usage.UsageStore;
import org.patchbay.testkit.RedisServer;
import org.patchbay.testkit.UsageContract;

import java.time.Duration;
import java.util.UUID;

/** The Redis usage store keeps the promises every usage store keeps; a second node is a second client on the same prefix. */
class RedisUsageContractIT extends UsageContract {
    private static RedisServer redis;
    private String prefix;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Override
    protected UsageStore newStore() {
        prefix = "usage-" + UUID.randomUUID() + ":";
        return sameData();
    }

    @Override
    protected UsageStore sameData() {
        return new RedisUsageStore(vertx(), redis.url(), prefix, Duration.ofDays(7));
    }
}
