package org.patchbay.testkit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchbay.core.number.PhoneNumber;
import org.patchbay.core.store.ResourceStore;
import org.patchbay.core.store.Store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchbay.testkit.SampleRecords.T0;
import static org.patchbay.testkit.SampleRecords.number;
import static org.patchbay.testkit.SampleRecords.sid;

/** {@link ResourceStore#putIfUnique}: a unique value has one owner, however the writes race. */
public abstract class UniqueRegistrationContract {
    private Vertx vertx;
    private Store store;

    protected abstract Store newStore(Vertx vertx);

    private static <T> T await(Future<T> future) throws Exception {
        return future.await(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    final void openStore() {
        vertx = Vertx.vertx();
        store = newStore(vertx);
    }

    @AfterEach
    final void closeStore() throws Exception {
        try {
            await(store.close());
        } finally {
            await(vertx.close());
        }
    }

    @Test
    void racingRegistrationsOfOneNumberGiveOneWinner() throws Exception {
        ResourceStore<PhoneNumber> numbers = store.of(PhoneNumber.KIND);
        List<Future<Boolean>> racing = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            racing.add(numbers.putIfUnique(number(sid("PN", i), sid("AC", i), "+15550100", T0)));
        }
        await(Future.join(racing));

        List<Integer> winners = new ArrayList<>();
        for (int i = 0; i < racing.size(); i++) {
            if (racing.get(i).result()) {
                winners.add(i + 1);
            }
        }
        assertEquals(1, winners.size(), "winners: " + winners);
        PhoneNumber owner = await(numbers.findBy(PhoneNumber.BY_NUMBER, "+15550100"));
        assertEquals(sid("PN", winners.get(0)), owner.sid());
        for (int i = 1; i <= 20; i++) {
            assertEquals(i == winners.get(0), await(numbers.get(sid("PN", i))) != null, "PN " + i + " written");
        }
    }

    @Test
    void theOwnerMayRewriteItsRecordAndAFreedNumberCanBeTaken() throws Exception {
        ResourceStore<PhoneNumber> numbers = store.of(PhoneNumber.KIND);
        PhoneNumber first = number(sid("PN", 1), sid("AC", 1), "+15550100", T0);
        assertTrue(await(numbers.putIfUnique(first)));
        assertTrue(await(numbers.putIfUnique(first)), "the same record again");
        assertFalse(await(numbers.putIfUnique(number(sid("PN", 2), sid("AC", 2), "+15550100", T0))));

        await(numbers.delete(first.sid()));

        assertTrue(await(numbers.putIfUnique(number(sid("PN", 2), sid("AC", 2), "+15550100", T0))));
        assertEquals(sid("PN", 2), await(numbers.findBy(PhoneNumber.BY_NUMBER, "+15550100")).sid());
    }
}
