package org.patchbay.testkit;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.patchbay.core.account.Account;
import org.patchbay.core.account.ApiKey;
import org.patchbay.core.application.Application;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.notification.Notification;
import org.patchbay.core.number.PhoneNumber;
import org.patchbay.core.recording.Recording;
import org.patchbay.core.store.Page;
import org.patchbay.core.store.ResourceStore;
import org.patchbay.core.store.Store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchbay.testkit.SampleRecords.T0;
import static org.patchbay.testkit.SampleRecords.call;
import static org.patchbay.testkit.SampleRecords.number;
import static org.patchbay.testkit.SampleRecords.sid;

/**
 * What every {@link Store} promises, run against each implementation: extend it and return a
 * fresh, empty store from {@link #newStore()} ({@link StoreFixture} holds the store and its helpers).
 */
public abstract class StoreContract extends StoreFixture {

    @Test
    void everyRecordTypeReadsBackWithAllItsFields() {
        roundTrip(Account.KIND, SampleRecords.account(sid("AC", 10), ACCOUNT, T0));
        roundTrip(ApiKey.KIND, SampleRecords.apiKey(sid("SK", 10), ACCOUNT, T0));
        roundTrip(CallRecord.KIND, call(sid("CA", 10), ACCOUNT, T0));
        roundTrip(CallRecord.KIND, SampleRecords.ringingCall(sid("CA", 11), ACCOUNT, T0));
        roundTrip(PhoneNumber.KIND, number(sid("PN", 10), ACCOUNT, "+15550100", T0));
        roundTrip(Notification.KIND, SampleRecords.notification(sid("NO", 10), ACCOUNT, T0));
        roundTrip(Notification.KIND, SampleRecords.unansweredNotification(sid("NO", 11), ACCOUNT, T0));
        roundTrip(Recording.KIND, SampleRecords.recording(sid("RE", 10), ACCOUNT, T0));
        roundTrip(Application.KIND, SampleRecords.application(sid("AP", 10), ACCOUNT, T0));
    }

    @Test
    void absentRecordsAreNullAndCannotBeDeleted() {
        ResourceStore<CallRecord> calls = store.of(CallRecord.KIND);
        assertNull(await(calls.get(sid("CA", 404))));
        assertNull(await(calls.get(ACCOUNT, sid("CA", 404))));
        assertNull(await(store.of(PhoneNumber.KIND).findBy(PhoneNumber.BY_NUMBER, "+15550404")));
        assertFalse(await(calls.delete(sid("CA", 404))));
        assertEquals(List.of(), await(calls.list(ACCOUNT, ALL, 0, 10)).items());
    }

    @Test
    void putReplacesTheRecordWithTheSameSid() {
        ResourceStore<CallRecord> calls = store.of(CallRecord.KIND);
        CallRecord ringing = SampleRecords.ringingCall(sid("CA", 1), ACCOUNT, T0);
        CallRecord answered = ringing.answeredAt(T0.plusSeconds(3));
        await(calls.put(ringing));
        await(calls.put(answered));

        assertEquals(answered, await(calls.get(ringing.sid())));
        assertEquals(List.of(answered), await(calls.list(ACCOUNT, ALL, 0, 10)).items());
    }

    @Test
    void kindsAreSeparateKeySpaces() {
        String sharedSid = sid("XX", 1);
        await(store.of(Recording.KIND).put(SampleRecords.recording(sharedSid, ACCOUNT, T0)));

        assertNull(await(store.of(Application.KIND).get(sharedSid)));
        assertEquals(List.of(), await(store.of(Application.KIND).list(ACCOUNT, ALL, 0, 10)).items());
    }

    @Test
    void getWithAnAccountHidesOtherAccountsRecords() {
        ResourceStore<CallRecord> calls = store.of(CallRecord.KIND);
        CallRecord theirs = call(sid("CA", 1), OTHER_ACCOUNT, T0);
        await(calls.put(theirs));

        assertNull(await(calls.get(ACCOUNT, theirs.sid())));
        assertEquals(theirs, await(calls.get(OTHER_ACCOUNT, theirs.sid())));
    }

    @Test
    void uniqueIndexFindsTheRecordByItsValue() {
        ResourceStore<PhoneNumber> numbers = store.of(PhoneNumber.KIND);
        PhoneNumber support = number(sid("PN", 1), ACCOUNT, "+15550100", T0);
        PhoneNumber sales = number(sid("PN", 2), OTHER_ACCOUNT, "+15550200", T0);
        await(numbers.put(support));
        await(numbers.put(sales));

        assertEquals(support, await(numbers.findBy(PhoneNumber.BY_NUMBER, "+15550100")));
        assertEquals(sales, await(numbers.findBy(PhoneNumber.BY_NUMBER, "+15550200")));
        assertNull(await(numbers.findBy(PhoneNumber.BY_NUMBER, "+15550300")));
    }

    @Test
    void uniqueIndexFollowsAChangedValue() {
        ResourceStore<PhoneNumber> numbers = store.of(PhoneNumber.KIND);
        PhoneNumber before = number(sid("PN", 1), ACCOUNT, "+15550100", T0);
        PhoneNumber after = number(before.sid(), ACCOUNT, "+15550111", T0);
        await(numbers.put(before));
        await(numbers.put(after));

        assertNull(await(numbers.findBy(PhoneNumber.BY_NUMBER, "+15550100")));
        assertEquals(after, await(numbers.findBy(PhoneNumber.BY_NUMBER, "+15550111")));
    }

    @Test
    void uniqueIndexDisappearsWithTheRecord() {
        ResourceStore<PhoneNumber> numbers = store.of(PhoneNumber.KIND);
        PhoneNumber support = number(sid("PN", 1), ACCOUNT, "+15550100", T0);
        await(numbers.put(support));

        assertTrue(await(numbers.delete(support.sid())));
        assertNull(await(numbers.findBy(PhoneNumber.BY_NUMBER, "+15550100")));
    }

    @Test
    void deleteRemovesTheRecordOnce() {
        ResourceStore<CallRecord> calls = store.of(CallRecord.KIND);
        CallRecord kept = call(sid("CA", 1), ACCOUNT, T0);
        CallRecord removed = call(sid("CA", 2), ACCOUNT, T0.plusSeconds(1));
        await(calls.put(kept));
        await(calls.put(removed));

        assertTrue(await(calls.delete(removed.sid())));
        assertFalse(await(calls.delete(removed.sid())));
        assertNull(await(calls.get(removed.sid())));
        assertEquals(List.of(kept), await(calls.list(ACCOUNT, ALL, 0, 10)).items());
    }

    @Test
    void listIsNewestFirstThenBySidDescending() {
        ResourceStore<CallRecord> calls = store.of(CallRecord.KIND);
        CallRecord oldest = call(sid("CA", 9), ACCOUNT, T0);
        CallRecord tieLow = call(sid("CA", 3), ACCOUNT, T0.plusSeconds(10));
        CallRecord tieHigh = call(sid("CA", 4), ACCOUNT, T0.plusSeconds(10));
        CallRecord newest = call(sid("CA", 1), ACCOUNT, T0.plusSeconds(20));
        for (CallRecord record : List.of(tieLow, newest, oldest, tieHigh)) {
            await(calls.put(record));
        }

        assertEquals(List.of(newest, tieHigh, tieLow, oldest), await(calls.list(ACCOUNT, ALL, 0, 10)).items());
    }

    @Test
    void listShowsOnlyTheGivenAccountsRecords() {
        ResourceStore<CallRecord> calls = store.of(CallRecord.KIND);
        CallRecord mine = call(sid("CA", 1), ACCOUNT, T0);
        CallRecord theirs = call(sid("CA", 2), OTHER_ACCOUNT, T0.plusSeconds(1));
        await(calls.put(mine));
        await(calls.put(theirs));

        assertEquals(List.of(mine), await(calls.list(ACCOUNT, ALL, 0, 10)).items());
        assertEquals(List.of(theirs), await(calls.list(OTHER_ACCOUNT, ALL, 0, 10)).items());
    }

    @Test
    void replacingARecordMovesItInListings() {
        ResourceStore<CallRecord> calls = store.of(CallRecord.KIND);
        CallRecord first = call(sid("CA", 1), ACCOUNT, T0);
        CallRecord second = call(sid("CA", 2), ACCOUNT, T0.plusSeconds(1));
        await(calls.put(first));
        await(calls.put(second));
        CallRecord firstMovedOn = call(first.sid(), OTHER_ACCOUNT, T0.plusSeconds(2));
        await(calls.put(firstMovedOn));

        assertEquals(List.of(second), await(calls.list(ACCOUNT, ALL, 0, 10)).items());
        assertEquals(List.of(firstMovedOn), await(calls.list(OTHER_ACCOUNT, ALL, 0, 10)).items());
    }

    @Test
    void listPagesWithOffsetLimitAndHasMore() {
        List<CallRecord> newestFirst = putCalls(7, i -> CallStatus.COMPLETED);
        ResourceStore<CallRecord> calls = store.of(CallRecord.KIND);

        assertPage(calls.list(ACCOUNT, ALL, 0, 3), newestFirst.subList(0, 3), 0, 3, true);
        assertPage(calls.list(ACCOUNT, ALL, 3, 3), newestFirst.subList(3, 6), 3, 3, true);
        assertPage(calls.list(ACCOUNT, ALL, 6, 3), newestFirst.subList(6, 7), 6, 3, false);
        assertPage(calls.list(ACCOUNT, ALL, 4, 3), newestFirst.subList(4, 7), 4, 3, false);
        assertPage(calls.list(ACCOUNT, ALL, 9, 3), List.of(), 9, 3, false);
        assertPage(calls.list(ACCOUNT, ALL, 0, 50), newestFirst, 0, 50, false);
    }

    @Test
    void listFiltersBeforePaging() {
        List<CallRecord> newestFirst = putCalls(10, i -> i % 3 == 0 ? CallStatus.BUSY : CallStatus.COMPLETED);
        List<CallRecord> busy = newestFirst.stream().filter(call -> call.status() == CallStatus.BUSY).toList();
        ResourceStore<CallRecord> calls = store.of(CallRecord.KIND);
        Predicate<CallRecord> onlyBusy = call -> call.status() == CallStatus.BUSY;

        assertEquals(4, busy.size());
        assertPage(calls.list(ACCOUNT, onlyBusy, 0, 2), busy.subList(0, 2), 0, 2, true);
        assertPage(calls.list(ACCOUNT, onlyBusy, 2, 2), busy.subList(2, 4), 2, 2, false);
        assertPage(calls.list(ACCOUNT, onlyBusy, 1, 10), busy.subList(1, 4), 1, 10, false);
    }

    @Test
    void listWalksPastManyRecords() {
        List<CallRecord> newestFirst = putCalls(1200, i -> CallStatus.COMPLETED);
        ResourceStore<CallRecord> calls = store.of(CallRecord.KIND);

        assertPage(calls.list(ACCOUNT, ALL, 1100, 50), newestFirst.subList(1100, 1150), 1100, 50, true);
        assertPage(calls.list(ACCOUNT, ALL, 1150, 50), newestFirst.subList(1150, 1200), 1150, 50, false);
        assertPage(calls.list(ACCOUNT, ALL, 0, 1200), newestFirst, 0, 1200, false);
    }

    @Test
    void concurrentPutsFromSeveralContextsAreAllKept() {
        int writers = 4;
        int callsEach = 50;
        List<Future<String>> deployments = IntStream.range(0, writers)
                .mapToObj(writer -> vertx.deployVerticle(new CallWriter(store, writer * callsEach, callsEach)))
                .toList();
        await(Future.all(deployments));

        Page<CallRecord> all = await(store.of(CallRecord.KIND).list(ACCOUNT, ALL, 0, 1000));
        assertEquals(writers * callsEach, all.items().size());
        assertEquals(writers * callsEach, new HashSet<>(all.items().stream().map(CallRecord::sid).toList()).size());
        assertFalse(all.hasMore());
    }

    /** A store that writes on a thread of its own (a journal, a Redis connection) still answers on the caller's context. */
    @Test
    void writesAndReadsCompleteOnTheCallersContext() {
        Context context = vertx.getOrCreateContext();
        Promise<List<Boolean>> seen = Promise.promise();
        context.runOnContext(v -> {
            ResourceStore<CallRecord> calls = store.of(CallRecord.KIND);
            List<Boolean> onContext = new ArrayList<>();
            calls.put(call(sid("CA", 1), ACCOUNT, T0))
                    .compose(put -> {
                        onContext.add(Vertx.currentContext() == context);
                        return calls.get(sid("CA", 1));
                    })
                    .compose(found -> {
                        onContext.add(Vertx.currentContext() == context);
                        return calls.delete(sid("CA", 1));
                    })
                    .onComplete(deleted -> {
                        onContext.add(deleted.succeeded() && deleted.result() && Vertx.currentContext() == context);
                        seen.complete(onContext);
                    });
        });
        assertEquals(List.of(true, true, true), await(seen.future()));
    }
}
