package org.patchbay.testkit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.notification.Notification;
import org.patchbay.core.number.PhoneNumber;
import org.patchbay.core.store.ListQuery;
import org.patchbay.core.store.Resource;
import org.patchbay.core.store.Store;
import org.patchbay.core.store.retention.Retention;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchbay.testkit.SampleRecords.sid;

/**
 * Records expire after their kind's retention, counted from their creation on the store's clock; after a
 * sweep they are gone from reads, unique indexes and listings (filtered ones too), and kinds without a
 * retention are kept. The clock starts at the real time (Redis expires keys by its own clock too) and is
 * moved by hand.
 */
public abstract class RetentionContract {
    protected static final String ACCOUNT = sid("AC", 1);
    protected static final Duration CALLS = Duration.ofDays(10);
    protected static final Duration NOTIFICATIONS = Duration.ofDays(1);

    protected SettableClock clock;
    protected Store store;
    private Vertx vertx;

    /** A fresh, empty store keeping calls for {@link #CALLS} and notifications for {@link #NOTIFICATIONS}. */
    protected abstract Store newStore(Vertx vertx, Retention retention);

    @BeforeEach
    final void openStore() {
        vertx = Vertx.vertx();
        clock = new SettableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        store = newStore(vertx, Retention.of(CALLS, NOTIFICATIONS, CALLS, clock));
    }

    @AfterEach
    final void closeStore() {
        await(store.close());
        await(vertx.close());
    }

    protected static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    protected CallRecord call(long n, Duration age, String to) {
        Instant created = clock.instant().minus(age);
        return SampleRecords.call(sid("CA", n), ACCOUNT, created).toBuilder().between("+15550100", to)
                .carriedBy("chan-" + n, "node-a").build();
    }

    private <T extends Resource> List<String> sids(List<T> records) {
        return records.stream().map(Resource::sid).toList();
    }

    private List<String> listedCalls() {
        return sids(await(store.of(CallRecord.KIND).list(ACCOUNT, c -> true, 0, 50)).items());
    }

    private List<String> callsTo(String to) {
        ListQuery<CallRecord> query = new ListQuery<>(Map.of("to", to), Map.of(), c -> to.equals(c.to()));
        return sids(await(store.of(CallRecord.KIND).list(ACCOUNT, query, 0, 50)).items());
    }

    @Test
    void recordsPastTheirRetentionAreGoneAfterASweepWithTheirIndexes() {
        CallRecord old = call(1, CALLS.minusDays(1), "+15550111");
        CallRecord recent = call(2, Duration.ofHours(1), "+15550111");
        Notification notification = SampleRecords.notification(sid("NO", 1), ACCOUNT, clock.instant().minus(Duration.ofHours(2)));
        PhoneNumber number = SampleRecords.number(sid("PN", 1), ACCOUNT, "+15550100", clock.instant().minus(Duration.ofDays(400)));
        await(store.of(CallRecord.KIND).put(old));
        await(store.of(CallRecord.KIND).put(recent));
        await(store.of(Notification.KIND).put(notification));
        await(store.of(PhoneNumber.KIND).put(number));
        assertEquals(0, await(store.sweep()), "nothing has expired yet");
        assertEquals(List.of(recent.sid(), old.sid()), listedCalls());

        clock.advance(Duration.ofDays(2));
        assertTrue(await(store.sweep()) >= 2, "the old call and the notification were dropped");

        assertNull(await(store.of(CallRecord.KIND).get(old.sid())));
        assertNull(await(store.of(CallRecord.KIND).findBy(CallRecord.BY_CHANNEL, old.channelId())));
        assertEquals(List.of(recent.sid()), listedCalls());
        assertEquals(List.of(recent.sid()), callsTo("+15550111"));
        assertNull(await(store.of(Notification.KIND).get(notification.sid())));
        assertEquals(List.of(), sids(await(store.of(Notification.KIND).list(ACCOUNT, n -> true, 0, 50)).items()));
        assertEquals(recent, await(store.of(CallRecord.KIND).get(recent.sid())));
        assertNotNull(await(store.of(PhoneNumber.KIND).findBy(PhoneNumber.BY_NUMBER, "+15550100")), "numbers do not expire");
        assertEquals(0, await(store.sweep()), "a second sweep finds nothing");
    }

    @Test
    void aRecordWrittenAlreadyPastItsRetentionIsNotKept() {
        CallRecord stale = call(3, CALLS.plusDays(1), "+15550122");
        await(store.of(CallRecord.KIND).put(stale));
        await(store.sweep());
        assertNull(await(store.of(CallRecord.KIND).get(stale.sid())));
        assertNull(await(store.of(CallRecord.KIND).findBy(CallRecord.BY_CHANNEL, stale.channelId())));
        assertEquals(List.of(), listedCalls());
        assertEquals(List.of(), callsTo("+15550122"));
    }

    @Test
    void aRecordUpdatedLateStillExpiresFromItsCreation() {
        CallRecord call = call(4, CALLS.minusHours(1), "+15550133");
        await(store.of(CallRecord.KIND).put(call));
        await(store.of(CallRecord.KIND).put(call.toBuilder().updated(clock.instant()).build()));
        clock.advance(Duration.ofHours(2));
        await(store.sweep());
        assertNull(await(store.of(CallRecord.KIND).get(call.sid())));
        assertEquals(List.of(), callsTo("+15550133"));
    }
}
