package org.patchbay.testkit;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.store.Store;
import org.patchbay.core.store.journal.JournaledStore;
import org.patchbay.core.store.retention.Retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The durable embedded store expires records as the memory and Redis stores do, across restarts too. */
class JournaledRetentionContractTest extends RetentionContract {
    @TempDir
    Path dir;

    @Override
    protected Store newStore(Vertx vertx, Retention retention) {
        try {
            return JournaledStore.open(dir, retention);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aRecordThatExpiredWhileStoppedIsNotReadBack() throws IOException {
        CallRecord expiring = call(1, CALLS.minusDays(1), "+15550101");
        CallRecord recent = call(2, Duration.ofDays(1), "+15550102");
        await(store.of(CallRecord.KIND).put(expiring));
        await(store.of(CallRecord.KIND).put(recent));
        await(store.close());
        clock.advance(Duration.ofDays(2));
        store = JournaledStore.open(dir, Retention.of(CALLS, NOTIFICATIONS, CALLS, clock));
        assertNull(await(store.of(CallRecord.KIND).get(expiring.sid())), "its journal line is read back and dropped");
        assertNotNull(await(store.of(CallRecord.KIND).get(recent.sid())));
    }
}
