package org.patchbay.testkit;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.store.Page;
import org.patchbay.core.store.Resource;
import org.patchbay.core.store.ResourceKind;
import org.patchbay.core.store.ResourceStore;
import org.patchbay.core.store.Store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchbay.testkit.SampleRecords.T0;
import static org.patchbay.testkit.SampleRecords.call;
import static org.patchbay.testkit.SampleRecords.sid;

/**
 * The store under test for {@link StoreContract}: a fresh, empty store from {@link #newStore()} before each test,
 * on a {@link Vertx} created for it ({@link #vertx()}); both closed after it; and the helpers the promises use.
 */
public abstract class StoreFixture {
    private static final long TIMEOUT_SECONDS = 10;
    static final String ACCOUNT = sid("AC", 1);
    static final String OTHER_ACCOUNT = sid("AC", 2);
    static final Predicate<Object> ALL = record -> true;

    Vertx vertx;
    Store store;

    /** A fresh store that holds no records; {@link #vertx()} is ready when this is called. */
    protected abstract Store newStore();

    protected final Vertx vertx() {
        return vertx;
    }

    /** Waits for an operation, failing the test rather than hanging when it never completes. */
    protected static <T> T await(Future<T> future) {
        try {
            return future.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("store operation did not complete within " + TIMEOUT_SECONDS + "s", e);
        }
    }

    @BeforeEach
    final void openStore() {
        vertx = Vertx.vertx();
        store = newStore();
    }

    @AfterEach
    final void closeStore() {
        try {
            await(store.close());
        } finally {
            await(vertx.close());
        }
    }

    /** Puts a run of calls on its own context, all in flight at once. */
    static final class CallWriter extends VerticleBase {
        private final Store store;
        private final int first;
        private final int count;

        CallWriter(Store store, int first, int count) {
            this.store = store;
            this.first = first;
            this.count = count;
        }

        @Override
        public Future<?> start() {
            ResourceStore<CallRecord> calls = store.of(CallRecord.KIND);
            List<Future<Void>> puts = IntStream.range(first, first + count)
                    .mapToObj(n -> calls.put(call(sid("CA", n), ACCOUNT, T0.plusMillis(n % 7))))
                    .toList();
            return Future.all(puts);
        }
    }

    <T extends Resource> void roundTrip(ResourceKind<T> kind, T record) {
        ResourceStore<T> records = store.of(kind);
        await(records.put(record));

        assertEquals(record, await(records.get(record.sid())), kind.name());
        assertEquals(record, await(records.get(record.accountSid(), record.sid())), kind.name());
        assertTrue(await(records.list(record.accountSid(), ALL, 0, 10)).items().contains(record), kind.name());
    }

    /** Puts {@code count} calls of {@link #ACCOUNT} one second apart, all at once, and returns them newest first. */
    List<CallRecord> putCalls(int count, IntFunction<CallStatus> status) {
        ResourceStore<CallRecord> calls = store.of(CallRecord.KIND);
        List<CallRecord> newestFirst = new ArrayList<>(count);
        List<Future<Void>> puts = new ArrayList<>(count);
        for (int i = count - 1; i >= 0; i--) {
            CallRecord record = call(sid("CA", i), ACCOUNT, T0.plusSeconds(i)).withStatus(status.apply(i), T0);
            newestFirst.add(record);
            puts.add(calls.put(record));
        }
        await(Future.all(puts));
        return newestFirst;
    }

    static <T> void assertPage(Future<Page<T>> listing, List<T> items, int offset, int limit, boolean hasMore) {
        Page<T> page = await(listing);
        assertEquals(items, page.items(), "items at offset " + offset);
        assertEquals(offset, page.offset(), "offset");
        assertEquals(limit, page.limit(), "limit");
        assertEquals(hasMore, page.hasMore(), "hasMore at offset " + offset);
    }
}
