package org.patchbay.adapters.redis.limits;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.patchbay.testkit.LimitsContract;
import org.patchbay.testkit.RedisServer;

import java.util.UUID;

/** The Redis limiter keeps the promises every limiter keeps; each test gets a key prefix of its own. */
class RedisLimitsContractTest extends LimitsContract {
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
    protected Limits open(Vertx vertx) {
        String prefix = "limits-" + UUID.randomUUID() + ":";
        RedisLimiter limiter = new RedisLimiter(vertx, redis.url(), prefix);
        return new Limits(limiter, limiter, new RedisAccountLimits(vertx, redis.url(), prefix));
    }
}
