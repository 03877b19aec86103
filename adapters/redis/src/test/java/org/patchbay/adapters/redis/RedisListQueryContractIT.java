package org.patchbay.adapters.redis;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.patchbay.core.store.Store;
import org.patchbay.testkit.ListQueryContract;
import org.patchbay.testkit.SharedRedis;

import java.util.UUID;

/** Redis answers a query from list-index sets and a creation window (ListPlan): the same as its filter alone. */
class RedisListQueryContractIT extends ListQueryContract {
    @RegisterExtension
    static final SharedRedis REDIS = new SharedRedis();

    @Override
    protected Store newStore(Vertx vertx) {
        return new RedisStore(vertx, REDIS.url(), "query-" + UUID.randomUUID() + ":");
    }
}
