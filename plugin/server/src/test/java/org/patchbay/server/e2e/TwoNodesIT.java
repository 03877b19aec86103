package org.patchbay.server.e2e;

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
import org.patchbay.core.error.PatchbayException;
import org.patchbay.server.Patchbay;
import org.patchbay.testkit.SharedRedis;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void theOtherNodesStreamsRequestsStartAndStopAStreamOnTheNodeThatRunsTheCall() throws Exception {
        StreamApp fork = StreamApp.start(a.vertx);
        try {
            CallRecord call = liveCallOnA();
            HttpResponse<String> created = postToB(call.sid(), "/Streams.json", "Url=" + enc(fork.url("/fork")) + "&Name="
                    + enc("via b") + "&Parameter1.Name=Plan&Parameter1.Value=gold");
            assertEquals(200, created.statusCode(), created.body());
            JsonObject stream = new JsonObject(created.body());
            String sid = stream.getString("sid");
            assertTrue(sid.matches("MZ[0-9a-f]{32}"), sid);
            assertEquals("via b", stream.getString("name"));
            assertEquals("in-progress", stream.getString("status"));
            JsonObject start = fork.await(a, "start").getJsonObject("start");
            assertEquals(sid, start.getString("streamSid"));
            assertEquals(new JsonObject().put("Plan", "gold"), start.getJsonObject("customParameters"));

            HttpResponse<String> stopped = postToB(call.sid(), "/Streams/via%20b.json", "Status=stopped");
            assertEquals(200, stopped.statusCode(), stopped.body());
            assertEquals(sid, new JsonObject(stopped.body()).getString("sid"), "stopped by name, answered with its SID");
            assertEquals("stopped", new JsonObject(stopped.body()).getString("status"));
            assertEquals(sid, fork.await(a, "stop").getString("streamSid"));
            assertEquals(404, postToB(call.sid(), "/Streams/none.json", "Status=stopped").statusCode(),
                    "the other node's not found comes back as a 404");
            assertEquals(List.of(), Harness.await(asteriskB.state()).channels(), "node B's Asterisk never saw the call");
            Harness.await(b.liveCalls().end(ACCOUNT, call.sid(), CallStatus.COMPLETED));
            a.waitUntil("the call ended", () -> Harness.await(a.patchbay.store().of(CallRecord.KIND).get(call.sid())).status().isFinal());
        } finally {
            fork.close();
        }
    }

    private HttpResponse<String> postToB(String callSid, String path, String form) throws Exception {
        String auth = Base64.getEncoder().encodeToString((ACCOUNT + ":" + "f".repeat(32)).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + b.httpPort()
                        + "/2010-04-01/Accounts/" + ACCOUNT + "/Calls/" + callSid + path))
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
