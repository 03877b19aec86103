package org.patchbay.adapters.redis.events;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.patchbay.core.events.EventLog;
import org.patchbay.testkit.EventLogContract;
import org.patchbay.testkit.RedisServer;

import java.time.Duration;
import java.util.UUID;

/** The Redis log keeps the promises every event log keeps, also seen from two nodes; each test has a prefix of its own. */
class RedisEventLogContractIT extends EventLogContract {
    private static RedisServer redis;
    private String prefix;
    private int nodes;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Override
    protected EventLog newLog() {
        prefix = "contract-" + UUID.randomUUID() + ":";
        return log();
    }

    @Override
    protected EventLog sameLogOnAnotherNode() {
        return log();
    }

    private EventLog log() {
        return new RedisEventLog(vertx(), redis.url(), prefix, "node-" + (++nodes), 4, Duration.ofHours(1),
                new ReaderTiming(Duration.ofSeconds(2), Duration.ofMillis(20), 100));
    }
}
