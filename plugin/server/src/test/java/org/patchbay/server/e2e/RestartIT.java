package org.patchbay.server.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.testkit.SharedRedis;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Patchbay dies with calls up and comes back (sharing Redis with its former self): what the old
 * process left in Asterisk is cleaned up, and the calls it carried are settled in the store.
 */
class RestartIT {
    @RegisterExtension
    static final SharedRedis REDIS = new SharedRedis();

    @TempDir
    Path dataDir;
    Harness h;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir, Map.of("PATCHBAY_REDIS_URL", REDIS.url(),
                "PATCHBAY_REDIS_PREFIX", "restart-" + System.nanoTime() + ":",
                "PATCHBAY_ACCOUNT_SID", "AC" + "1".repeat(32), "PATCHBAY_AUTH_TOKEN", "2".repeat(32)));
        h.number("9900", "/voice", null, null);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void orphanedCallsAndBridgesAreCleanedUpAfterARestart() {
        h.app.respond("/voice", "<Response><Dial><Number>+15557009900</Number></Dial></Response>");
        InboundCall call = h.call("+15550009900", "9900");
        h.waitUntil("the dial bridge", () -> h.bridgedChannels().size() == 2);
        CallRecord live = h.recordOf(call.channelId(), r -> r.status() == CallStatus.IN_PROGRESS);

        h.restartPatchbay();

        h.waitUntil("the orphans gone", () -> {
            var state = Harness.await(h.asterisk.state());
            return state.bridges().isEmpty() && !state.channels().contains(call.channelId());
        });
        h.waitUntil("the old call settled", () -> Harness.await(h.patchbay.store().of(CallRecord.KIND).get(live.sid()))
                .status().isFinal());
        CallRecord settled = Harness.await(h.patchbay.store().of(CallRecord.KIND).get(live.sid()));
        assertEquals(CallStatus.COMPLETED, settled.status());
        assertTrue(settled.endTime() != null);

        h.app.respond("/voice", "<Response><Play>sound:beep</Play></Response>");
        InboundCall next = h.call("+15550009901", "9900");
        assertEquals(CallStatus.COMPLETED, h.finished(next.channelId()).status());
        h.assertNothingLeaked();
    }
}
