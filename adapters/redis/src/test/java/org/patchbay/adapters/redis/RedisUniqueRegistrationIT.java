package org.patchbay.adapters.redis;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.patchbay.core.store.Store;
import org.patchbay.testkit.SharedRedis;
import org.patchbay.testkit.UniqueRegistrationContract;

import java.util.UUID;

/** Uniqueness is one Lua step in Redis: checked and written without another command in between. */
class RedisUniqueRegistrationIT extends UniqueRegistrationContract {
    @RegisterExtension
    static final SharedRedis REDIS = new SharedRedis();

    @Override
    protected Store newStore(Vertx vertx) {
        return new RedisStore(vertx, REDIS.url(), "unique-" + UUID.randomUUID() + ":");
    }
}
