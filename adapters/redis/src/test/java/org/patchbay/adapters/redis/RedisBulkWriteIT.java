package org.patchbay.adapters.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.json.Json;
import org.patchbay.core.store.retention.Retention;
import org.patchbay.testkit.SampleRecords;
import org.patchbay.testkit.SharedRedis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** putAll leaves Redis exactly as a put of each record does: the same keys, types and values. */
class RedisBulkWriteIT {
    @RegisterExtension
    static final SharedRedis REDIS = new SharedRedis();

    private final Vertx vertx = Vertx.vertx();
    private final Redis client = Redis.createClient(vertx, REDIS.url());

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Map<String, String> dump(String prefix) {
        Map<String, String> keys = new TreeMap<>();
        await(client.send(Request.cmd(Command.KEYS).arg(prefix + "*"))).forEach(key -> {
            String name = key.toString();
            String type = await(client.send(Request.cmd(Command.TYPE).arg(name))).toString();
            String value = switch (type) {
                case "string" -> await(client.send(Request.cmd(Command.GET).arg(name))).toString();
                case "zset" -> await(client.send(Request.cmd(Command.ZRANGE).arg(name).arg(0).arg(-1).arg("WITHSCORES"))).toString();
                case "list" -> await(client.send(Request.cmd(Command.LRANGE).arg(name).arg(0).arg(-1))).toString();
                case "set" -> await(client.send(Request.cmd(Command.SORT).arg(name).arg("ALPHA"))).toString();
                default -> await(client.send(Request.cmd(Command.HGETALL).arg(name))).toString();
            };
            keys.put(name.substring(prefix.length()), type + " " + value.replace(prefix, "~"));
        });
        return keys;
    }

    @Test
    void oneScriptRunWritesWhatPutsWrite() {
        Instant now = Instant.now();
        List<CallRecord> calls = List.of(SampleRecords.call(SampleRecords.sid("CA", 1), SampleRecords.sid("AC", 1), now),
                SampleRecords.ringingCall(SampleRecords.sid("CA", 2), SampleRecords.sid("AC", 1), now.plusSeconds(1)),
                SampleRecords.call(SampleRecords.sid("CA", 3), SampleRecords.sid("AC", 2), now.plusSeconds(2)));
        Retention retention = Retention.of(Duration.ofDays(2), Duration.ofDays(1), Duration.ofDays(2), java.time.Clock.systemUTC());
        String one = "bulk-one-" + UUID.randomUUID() + ":";
        String each = "bulk-each-" + UUID.randomUUID() + ":";
        RedisStore bulk = new RedisStore(vertx, REDIS.url(), one, Duration.ofSeconds(5), retention);
        RedisStore single = new RedisStore(vertx, REDIS.url(), each, Duration.ofSeconds(5), retention);
        await(bulk.putAll(CallRecord.KIND, calls));
        calls.forEach(call -> await(single.of(CallRecord.KIND).put(call)));

        Map<String, String> written = dump(one);
        assertEquals(dump(each), written);
        for (CallRecord call : calls) {
            assertEquals("string " + Json.write(call), written.get("calls:" + call.sid()));
            assertEquals(true, written.get("calls:acct:" + call.accountSid() + ":status:" + call.status().wire()).contains(call.sid()));
        }
    }
}
