package org.patchbay.adapters.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.json.Json;
import org.patchbay.core.number.PhoneNumber;
import org.patchbay.core.store.ResourceStore;
import org.patchbay.testkit.SharedRedis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchbay.testkit.SampleRecords.T0;
import static org.patchbay.testkit.SampleRecords.call;
import static org.patchbay.testkit.SampleRecords.number;
import static org.patchbay.testkit.SampleRecords.sid;

/** What the Redis store adds to the contract: a documented key layout, sharing between nodes, atomic writes. */
class RedisStoreIT {
    private static final String ACCOUNT = sid("AC", 1);
    @RegisterExtension
    static final SharedRedis REDIS = new SharedRedis();

    private Vertx vertx;
    private String prefix;
    private RedisStore nodeA;
    private RedisStore nodeB;
    private Redis rawClient;
    private RedisAPI raw;

    @BeforeEach
    void connect() {
        vertx = Vertx.vertx();
        prefix = "t-" + UUID.randomUUID() + ":";
        nodeA = new RedisStore(vertx, REDIS.url(), prefix);
        nodeB = new RedisStore(vertx, REDIS.url(), prefix);
        rawClient = Redis.createClient(vertx, REDIS.url());
        raw = RedisAPI.api(rawClient);
    }

    @AfterEach
    void disconnect() {
        await(Future.all(nodeA.close(), nodeB.close(), rawClient.close()));
        await(vertx.close());
    }

    @Test
    void recordsLiveAtTheDocumentedKeys() {
        PhoneNumber support = number(sid("PN", 1), ACCOUNT, "+15550100", T0);
        await(nodeA.of(PhoneNumber.KIND).put(support));

        assertEquals(support, Json.read(await(raw.get(prefix + "numbers:" + support.sid())).toString(), PhoneNumber.class));
        Response score = await(raw.zscore(prefix + "numbers:acct:" + ACCOUNT, support.sid()));
        assertEquals(T0.toEpochMilli(), score.toLong());
        assertEquals(support.sid(), await(raw.get(prefix + "numbers:idx:phoneNumber:+15550100")).toString());
        assertEquals(Set.of(prefix + "numbers:" + support.sid(), prefix + "numbers:refs:" + support.sid(),
                prefix + "numbers:acct:" + ACCOUNT, prefix + "numbers:idx:phoneNumber:+15550100"), keysUnderPrefix());
    }

    @Test
    void deleteLeavesNoKeysBehind() {
        ResourceStore<PhoneNumber> numbers = nodeA.of(PhoneNumber.KIND);
        PhoneNumber support = number(sid("PN", 1), ACCOUNT, "+15550100", T0);
        await(numbers.put(support));
        await(numbers.put(number(support.sid(), sid("AC", 2), "+15550111", T0.plusSeconds(1))));
        await(numbers.delete(support.sid()));

        assertEquals(Set.of(), keysUnderPrefix());
    }

    @Test
    void twoNodesSeeEachOthersWrites() {
        PhoneNumber written = number(sid("PN", 1), ACCOUNT, "+15550100", T0);
        await(nodeA.of(PhoneNumber.KIND).put(written));
        assertEquals(written, await(nodeB.of(PhoneNumber.KIND).findBy(PhoneNumber.BY_NUMBER, "+15550100")));
        assertEquals(List.of(written), await(nodeB.of(PhoneNumber.KIND).list(ACCOUNT, any -> true, 0, 10)).items());

        PhoneNumber renumbered = number(written.sid(), ACCOUNT, "+15550111", T0);
        await(nodeB.of(PhoneNumber.KIND).put(renumbered));
        assertNull(await(nodeA.of(PhoneNumber.KIND).findBy(PhoneNumber.BY_NUMBER, "+15550100")));
        assertEquals(renumbered, await(nodeA.of(PhoneNumber.KIND).findBy(PhoneNumber.BY_NUMBER, "+15550111")));

        assertTrue(await(nodeA.of(PhoneNumber.KIND).delete(written.sid())));
        assertNull(await(nodeB.of(PhoneNumber.KIND).get(written.sid())));
    }

    @Test
    void writesToOneRecordLandInTheOrderTheyWereIssued() {
        String callSid = sid("CA", 7);
        List<io.vertx.core.Future<Void>> writes = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            writes.add(nodeA.of(org.patchbay.core.call.CallRecord.KIND).put(
                    call(callSid, ACCOUNT, T0).withChannel("channel-" + i)));
        }
        await(io.vertx.core.Future.all(writes));
        assertEquals("channel-299", await(nodeB.of(org.patchbay.core.call.CallRecord.KIND).get(callSid)).channelId());
    }

    @Test
    void racingRenumberingsFromTwoNodesLeaveExactlyOneIndexEntry() {
        String numberSid = sid("PN", 1);
        List<Future<Void>> puts = new ArrayList<>();
        for (int round = 0; round < 200; round++) {
            RedisStore node = round % 2 == 0 ? nodeA : nodeB;
            puts.add(node.of(PhoneNumber.KIND).put(number(numberSid, ACCOUNT, "+1555" + (1000 + round), T0)));
        }
        await(Future.join(puts));

        PhoneNumber winner = await(nodeA.of(PhoneNumber.KIND).get(numberSid));
        Set<String> indexKeys = new TreeSet<>(keysUnderPrefix());
        indexKeys.removeIf(key -> !key.startsWith(prefix + "numbers:idx:"));
        assertEquals(Set.of(prefix + "numbers:idx:phoneNumber:" + winner.phoneNumber()), indexKeys);
        assertEquals(winner, await(nodeB.of(PhoneNumber.KIND).findBy(PhoneNumber.BY_NUMBER, winner.phoneNumber())));
    }

    @Test
    void prefixesKeepDeploymentsApart() {
        RedisStore otherDeployment = new RedisStore(vertx, REDIS.url(), "other-" + UUID.randomUUID() + ":");
        try {
            CallRecord call = call(sid("CA", 1), ACCOUNT, T0);
            await(nodeA.of(CallRecord.KIND).put(call));

            assertNull(await(otherDeployment.of(CallRecord.KIND).get(call.sid())));
            assertEquals(List.of(), await(otherDeployment.of(CallRecord.KIND).list(ACCOUNT, any -> true, 0, 10)).items());
        } finally {
            await(otherDeployment.close());
        }
    }

    @Test
    void listSkipsRecordsWhoseBodyVanished() {
        ResourceStore<CallRecord> calls = nodeA.of(CallRecord.KIND);
        CallRecord kept = call(sid("CA", 1), ACCOUNT, T0);
        CallRecord vanished = call(sid("CA", 2), ACCOUNT, T0.plusSeconds(1));
        await(calls.put(kept));
        await(calls.put(vanished));
        await(raw.del(List.of(prefix + "calls:" + vanished.sid())));

        assertEquals(List.of(kept), await(calls.list(ACCOUNT, any -> true, 0, 10)).items());
    }

    @Test
    void isNamedRedis() {
        assertEquals("redis", nodeA.name());
    }

    private Set<String> keysUnderPrefix() {
        Set<String> keys = new TreeSet<>();
        for (Response key : await(raw.keys(prefix + "*"))) {
            keys.add(key.toString());
        }
        return keys;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.await(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no result within 10s", e);
        }
    }
}
