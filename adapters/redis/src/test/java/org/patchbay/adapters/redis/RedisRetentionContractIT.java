package org.patchbay.adapters.redis;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.store.Store;
import org.patchbay.core.store.retention.Retention;
import org.patchbay.testkit.RetentionContract;
import org.patchbay.testkit.SharedRedis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The retention contract in Redis, and the keys themselves: an expired call leaves nothing behind. */
class RedisRetentionContractIT extends RetentionContract {
    @RegisterExtension
    static final SharedRedis REDIS = new SharedRedis();

    private String prefix;
    private Redis client;

    @Override
    protected Store newStore(Vertx vertx, Retention retention) {
        prefix = "retention-" + UUID.randomUUID() + ":";
        client = Redis.createClient(vertx, REDIS.url());
        return new RedisStore(vertx, REDIS.url(), prefix, Duration.ofSeconds(5), retention);
    }

    private List<String> keys() {
        Response reply = await(client.send(Request.cmd(Command.KEYS).arg(prefix + "*")));
        List<String> keys = new ArrayList<>();
        reply.forEach(key -> keys.add(key.toString().substring(prefix.length())));
        return keys;
    }

    private long ttl(String key) {
        return await(client.send(Request.cmd(Command.PTTL).arg(prefix + key))).toLong();
    }

    @Test
    void theRecordAndItsIndexKeysExpireAndTheSweepTrimsEverySet() {
        CallRecord call = call(7, CALLS.minusDays(1), "+15550177");
        await(store.of(CallRecord.KIND).put(call));
        long ttl = ttl("calls:" + call.sid());
        assertTrue(ttl > 0 && ttl <= Duration.ofDays(1).toMillis(), "expires with its retention: " + ttl);
        assertEquals(ttl, ttl("calls:idx:channel:" + call.channelId()), 1_000.0);
        assertTrue(keys().contains("calls:acct:" + ACCOUNT + ":to:+15550177"), keys().toString());

        clock.advance(Duration.ofDays(2));
        assertEquals(1, await(store.sweep()));
        List<String> left = keys();
        assertEquals(List.of("calls:lag:" + ACCOUNT), left, "only the account's time lags are left");
    }
}
