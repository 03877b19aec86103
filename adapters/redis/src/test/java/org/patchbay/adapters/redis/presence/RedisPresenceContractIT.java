package org.patchbay.adapters.redis.presence;

import io.vertx.core.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.patchbay.core.presence.PresenceStore;
import org.patchbay.testkit.PresenceContract;
import org.patchbay.testkit.RedisServer;

import java.time.Duration;
import java.util.UUID;

/** Redis presence keeps the promises every presence store keeps; each test gets a key prefix of its own. */
class RedisPresenceContractIT extends PresenceContract {
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
    protected PresenceStore newStore() {
        return new RedisPresenceStore(vertx(), redis.url(), "presence-" + UUID.randomUUID() + ":", Duration.ofSeconds(5));
    }

    @Override
    protected Future<Void> close(PresenceStore store) {
        return ((RedisPresenceStore) store).close();
    }
}
