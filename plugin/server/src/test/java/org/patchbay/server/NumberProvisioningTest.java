package org.patchbay.server;

import org.junit.jupiter.api.Test;
import org.patchbay.core.number.PhoneNumber;
import org.patchbay.core.store.ResourceStore;
import org.patchbay.core.store.memory.MemoryStore;
import org.patchbay.server.config.NumberConfig;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchbay.testkit.SampleRecords.T0;
import static org.patchbay.testkit.SampleRecords.number;
import static org.patchbay.testkit.SampleRecords.sid;

class NumberProvisioningTest {
    private static final String MAIN = sid("AC", 1);
    private static final String SUBACCOUNT = sid("AC", 2);
    private static final NumberConfig APP = new NumberConfig("http://127.0.0.1:9/voice", "POST", null, "POST", null, "POST");

    @Test
    void aNumberOfAnotherAccountIsLeftWithItOnEveryStart() throws Exception {
        MemoryStore store = new MemoryStore();
        ResourceStore<PhoneNumber> numbers = store.of(PhoneNumber.KIND);
        PhoneNumber subaccounts = number(sid("PN", 7), SUBACCOUNT, "+15550100", T0);
        numbers.put(subaccounts).await(5, TimeUnit.SECONDS);

        NumberProvisioning.apply(store, MAIN, Map.of("+15550100", APP, "+15550200", APP)).await(5, TimeUnit.SECONDS);
        NumberProvisioning.apply(store, MAIN, Map.of("+15550100", APP, "+15550200", APP)).await(5, TimeUnit.SECONDS);

        assertEquals(subaccounts, numbers.findBy(PhoneNumber.BY_NUMBER, "+15550100").await(5, TimeUnit.SECONDS));
        PhoneNumber configured = numbers.findBy(PhoneNumber.BY_NUMBER, "+15550200").await(5, TimeUnit.SECONDS);
        assertEquals(MAIN, configured.accountSid());
        assertEquals("http://127.0.0.1:9/voice", configured.voiceUrl());
    }
}
