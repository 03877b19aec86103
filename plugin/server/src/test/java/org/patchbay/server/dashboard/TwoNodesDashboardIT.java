package org.patchbay.server.dashboard;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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
import org.patchbay.server.Patchbay;
import org.patchbay.server.e2e.Harness;
import org.patchbay.server.e2e.SecondNode;
import org.patchbay.testkit.SharedRedis;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two nodes, each beside its own Asterisk, on one Redis: the dashboard of either shows the calls of both. */
class TwoNodesDashboardIT {
    private static final String ACCOUNT = "AC" + "d".repeat(32);
    private static final String TOKEN = "c".repeat(32);
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
        Map<String, String> shared = Map.of("PATCHBAY_SECRETS_KEY", Harness.SHARED_SECRETS_KEY, "PATCHBAY_REDIS_URL", REDIS.url(), "PATCHBAY_REDIS_PREFIX", "two-boards-" + System.nanoTime() + ":",
                "PATCHBAY_ACCOUNT_SID", ACCOUNT, "PATCHBAY_AUTH_TOKEN", TOKEN);
        a = Harness.start(dataDir, shared);
        second = SecondNode.start(shared, otherDataDir);
        b = second.patchbay;
        asteriskB = second.asterisk;
        a.app.respond("/voice", "<Response><Play loop=\"0\">sound:tt-monkeys</Play></Response>");
    }

    @AfterEach
    void stop() {
        if (second != null) {
            second.close();
        }
        a.close();
    }

    @Test
    void eitherNodesDashboardShowsTheCallsOfBoth() throws Exception {
        try (DashboardStreamReader onA = new DashboardStreamReader(a.patchbay.httpPort(), ACCOUNT, TOKEN);
             DashboardStreamReader onB = new DashboardStreamReader(b.httpPort(), ACCOUNT, TOKEN)) {
            onA.next(e -> e.name().equals("snapshot"));
            onB.next(e -> e.name().equals("snapshot"));
            CallRecord fromA = call(a.patchbay, "+15557009001");
            CallRecord fromB = call(b, "+15557009002");

            Map<String, String> nodesSeenOnA = nodesOf(onA, fromA.sid(), fromB.sid());
            Map<String, String> nodesSeenOnB = nodesOf(onB, fromA.sid(), fromB.sid());
            assertEquals(nodesSeenOnA, nodesSeenOnB, "both boards place each call on the same node");
            assertEquals(2, Set.copyOf(nodesSeenOnA.values()).size(), "the two calls run on two nodes: " + nodesSeenOnA);
            Harness.await(a.patchbay.liveCalls().end(ACCOUNT, fromA.sid(), CallStatus.COMPLETED));
            Harness.await(b.liveCalls().end(ACCOUNT, fromB.sid(), CallStatus.COMPLETED));
        }
    }

    private CallRecord call(Patchbay node, String to) {
        return Harness.await(node.liveCalls().create(new OutboundCall(ACCOUNT, to, "+15550001111", null,
                CallApp.of(a.app.url("/voice")), null, 30, 0, null, false)));
    }

    /** Waits until the board has shown both calls with a node, and answers each call's node. */
    private static Map<String, String> nodesOf(DashboardStreamReader board, String... sids) throws InterruptedException {
        Map<String, String> nodes = new ConcurrentHashMap<>();
        Set<String> wanted = Set.of(sids);
        board.next(event -> {
            JsonArray calls = event.data().getJsonArray("calls");
            if (calls != null) {
                calls.stream().map(c -> (JsonObject) c).filter(c -> wanted.contains(c.getString("sid")) && c.getString("node") != null)
                        .forEach(c -> nodes.put(c.getString("sid"), c.getString("node")));
            }
            return nodes.size() == wanted.size();
        });
        return nodes;
    }
}
