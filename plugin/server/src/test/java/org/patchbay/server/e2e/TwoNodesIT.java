package org.patchbay.server.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.SimulatedAsterisk;
import org.patchbay.core.call.CallApp;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.livecall.OutboundCall;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.server.Patchbay;
import org.patchbay.testkit.SharedRedis;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Two Patchbay nodes, each beside its own Asterisk, sharing one Redis: a REST change that lands on
 * the node not running the call is carried out by the node that runs it.
 */
class TwoNodesIT {
    private static final String ACCOUNT = "AC" + "e".repeat(32);
    @RegisterExtension
    static final SharedRedis REDIS = new SharedRedis();

    @TempDir
    Path dataDir;
    @TempDir
    Path otherDataDir;
    Harness a;
    SecondNode second;
    SimulatedAsterisk asteriskB;
    Patchbay b;

    @BeforeEach
    void start() {
        String prefix = "two-nodes-" + System.nanoTime() + ":";
        Map<String, String> shared = Map.of("PATCHBAY_SECRETS_KEY", Harness.SHARED_SECRETS_KEY, "PATCHBAY_REDIS_URL", REDIS.url(), "PATCHBAY_REDIS_PREFIX", prefix,
                "PATCHBAY_ACCOUNT_SID", ACCOUNT, "PATCHBAY_AUTH_TOKEN", "f".repeat(32));
        a = Harness.start(dataDir, shared);
        second = SecondNode.start(shared, otherDataDir);
        b = second.patchbay;
        asteriskB = second.asterisk;
        a.app.respond("/voice", "<Response><Play loop=\"0\">sound:tt-monkeys</Play></Response>");
        a.app.respond("/elsewhere", "<Response><Play>sound:beep</Play><Pause length=\"60\"/></Response>");
    }

    @AfterEach
    void stop() {
        if (second != null) {
            second.close();
        }
        a.close();
    }

    private CallRecord liveCallOnA() {
        CallRecord call = Harness.await(a.patchbay.liveCalls().create(new OutboundCall(ACCOUNT, "+15557008000", "+15550001111",
                null, CallApp.of(a.app.url("/voice")), null, 30, 0, null, false)));
        a.waitUntil("in progress", () -> {
            CallRecord stored = Harness.await(a.patchbay.store().of(CallRecord.KIND).get(call.sid()));
            return stored != null && stored.status() == CallStatus.IN_PROGRESS;
        });
        return call;
    }

    @Test
    void theOtherNodeRedirectsAndHangsUpACallItDoesNotRun() {
        CallRecord call = liveCallOnA();
        Harness.await(b.liveCalls().redirect(ACCOUNT, call.sid(), a.app.url("/elsewhere"), "POST"));
        Harness.await(a.app.awaitRequest("/elsewhere"));
        a.waitUntil("the beep on node A's Asterisk", () -> a.heardMedia(call.channelId()).contains("playback sound:beep done"));

        CallRecord ended = Harness.await(b.liveCalls().end(ACCOUNT, call.sid(), CallStatus.COMPLETED));
        assertEquals(CallStatus.COMPLETED, ended.status());
        assertEquals(List.of(), Harness.await(asteriskB.state()).channels(), "node B's Asterisk never saw the call");
    }

    @Test
    void aCallWhoseNodeIsGoneCannotBeChanged() throws Exception {
        CallRecord call = liveCallOnA();
        Harness.await(a.patchbay.stop());
        ExecutionException failure = assertThrows(ExecutionException.class, () -> b.liveCalls()
                .redirect(ACCOUNT, call.sid(), a.app.url("/elsewhere"), "POST").toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS));
        PatchbayException e = assertInstanceOf(PatchbayException.class, failure.getCause());
        assertEquals(21220, e.code());
        a.restartPatchbay();
    }
}
