package org.patchbay.adapters.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.number.PhoneNumber;
import org.patchbay.core.store.ResourceStore;
import org.patchbay.testkit.RedisServer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchbay.testkit.SampleRecords.T0;
import static org.patchbay.testkit.SampleRecords.call;
import static org.patchbay.testkit.SampleRecords.number;
import static org.patchbay.testkit.SampleRecords.sid;

/** A Redis that restarts, goes away or stops answering: the store fails clearly and recovers. */
class RedisStoreOutageIT {
    private static final String ACCOUNT = sid("AC", 1);
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private RedisServer redis;
    private Vertx vertx;
    private RedisStore store;

    @BeforeEach
    void start() {
        redis = RedisServer.start();
        vertx = Vertx.vertx();
        store = new RedisStore(vertx, redis.url(), RedisStore.DEFAULT_PREFIX, TIMEOUT);
    }

    @AfterEach
    void stop() {
        try {
            await(store.close());
            await(vertx.close());
        } finally {
            redis.close();
        }
    }

    @Test
    void worksAgainAfterRedisRestarts() {
        ResourceStore<PhoneNumber> numbers = store.of(PhoneNumber.KIND);
        await(numbers.put(number(sid("PN", 1), ACCOUNT, "+15550100", T0)));

        int port = redis.port();
        redis.close();
        redis = RedisServer.start(port);

        PhoneNumber afterRestart = number(sid("PN", 2), ACCOUNT, "+15550200", T0);
        await(numbers.put(afterRestart));
        assertEquals(afterRestart, await(numbers.findBy(PhoneNumber.BY_NUMBER, "+15550200")));
        assertTrue(await(numbers.delete(afterRestart.sid())));
    }

    @Test
    void failsClearlyWhileRedisIsDownAndRecoversWhenItReturns() {
        ResourceStore<CallRecord> calls = store.of(CallRecord.KIND);
        CallRecord record = call(sid("CA", 1), ACCOUNT, T0);
        int port = redis.port();
        redis.close();

        RedisStoreException failure = assertInstanceOf(RedisStoreException.class, failureOf(calls.put(record)));
        assertTrue(failure.getMessage().startsWith("Redis store at redis://127.0.0.1:" + port + ": put calls " + record.sid() + " failed: "),
                failure.getMessage());

        redis = RedisServer.start(port);
        await(calls.put(record));
        assertEquals(record, await(calls.get(record.sid())));
    }

    @Test
    void failsWithinTheTimeoutWhenRedisStopsAnsweringAndRecovers() {
        ResourceStore<CallRecord> calls = store.of(CallRecord.KIND);
        CallRecord record = call(sid("CA", 1), ACCOUNT, T0);
        await(calls.put(record));

        redis.suspend();
        RedisStoreException failure = assertInstanceOf(RedisStoreException.class, failureOf(calls.get(record.sid())));
        assertTrue(failure.getMessage().endsWith("get calls " + record.sid() + " failed: no reply within 500 ms"),
                failure.getMessage());

        redis.resume();
        assertEquals(record, await(calls.get(record.sid())));
    }

    @Test
    void credentialsStayOutOfErrorMessages() {
        RedisStore withPassword = new RedisStore(vertx, "redis://patchbay:s3cret@127.0.0.1:" + redis.port(),
                RedisStore.DEFAULT_PREFIX, TIMEOUT);
        try {
            Throwable failure = failureOf(withPassword.of(CallRecord.KIND).get(sid("CA", 1)));
            assertTrue(failure.getMessage().startsWith("Redis store at redis://127.0.0.1:" + redis.port() + ":"), failure.getMessage());
            assertTrue(!failure.getMessage().contains("s3cret"), failure.getMessage());
        } finally {
            await(withPassword.close());
        }
    }

    private static Throwable failureOf(Future<?> operation) {
        try {
            operation.await(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the operation hung instead of failing", e);
        } catch (RuntimeException expected) {
            return operation.cause();
        }
        throw new AssertionError("the operation succeeded but should have failed");
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.await(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no result within 10s", e);
        }
    }
}
