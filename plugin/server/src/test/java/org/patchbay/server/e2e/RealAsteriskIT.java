package org.patchbay.server.e2e;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.number.PhoneNumber;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.Page;
import org.patchbay.server.Patchbay;
import org.patchbay.server.config.ConfigLoader;
import org.patchbay.testkit.FakeAppServer;
import org.patchbay.testkit.RecordedRequest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The call path against a real Asterisk, run when {@code ARI_URL} (with {@code ARI_USER}, {@code ARI_PASSWORD})
 * names one; skipped otherwise. The PBX needs the dialplan of {@code dialplan/extensions.conf}:
 * {@code ARI_INBOUND_CONTEXT} (default {@code patchbay-inbound}) sending calls to {@code Stasis(patchbay,${EXTEN})},
 * {@code ARI_CALLEE_CONTEXT} (default {@code patchbay-test-callee}) answering and waiting, and an ARI user allowed
 * to use the apps {@code patchbay} and {@code patchbay-tester}. {@code ARI_PUBLIC_URL} is the base URL at which the
 * PBX reaches this test's Patchbay (for speech media), default http://127.0.0.1:port. {@code ARI_SIPP_TARGET} (with
 * {@code ARI_SIPP}, {@code ARI_SIPP_PORT}) adds a real SIP call from SIPp through the endpoint {@code patchbay-test-sipp}.
 */
class RealAsteriskIT {
    private static final String ARI_URL = System.getenv("ARI_URL");

    @TempDir
    Path dataDir;
    private Vertx vertx;
    private FakeAppServer app;
    private Patchbay patchbay;
    private AriCaller caller;

    @BeforeEach
    void start() {
        assumeTrue(ARI_URL != null && !ARI_URL.isBlank(), "ARI_URL not set: no real Asterisk to test against");
        vertx = Vertx.vertx();
        app = Harness.await(FakeAppServer.start(vertx));
        String user = System.getenv().getOrDefault("ARI_USER", "patchbay");
        String password = System.getenv().getOrDefault("ARI_PASSWORD", "");
        Map<String, String> env = new java.util.HashMap<>(Map.of("PATCHBAY_HTTP_PORT", "0", "PATCHBAY_HTTP_HOST", "0.0.0.0",
                "PATCHBAY_ARI_URL", ARI_URL, "PATCHBAY_ARI_USER", user, "PATCHBAY_ARI_PASSWORD", password,
                "PATCHBAY_DATA_DIR", dataDir.toString(),
                "PATCHBAY_ENDPOINT_NUMBER", "Local/{number}@" + System.getenv().getOrDefault("ARI_CALLEE_CONTEXT", "patchbay-test-callee")));
        if (System.getenv("ARI_PUBLIC_URL") != null) {
            env.put("PATCHBAY_PUBLIC_URL", System.getenv("ARI_PUBLIC_URL"));
        }
        patchbay = Harness.await(Patchbay.start(vertx, ConfigLoader.load(env)));
        HealthProbe.awaitConnected(patchbay.httpPort(), Duration.ofSeconds(20));
        caller = new AriCaller(vertx, ARI_URL, user, password);
    }

    @AfterEach
    void stop() {
        if (caller != null) {
            caller.close();
        }
        if (patchbay != null) {
            Harness.await(patchbay.stop());
            Harness.await(app.close());
            Harness.await(vertx.close());
        }
    }

    private void number(String number, String path) {
        Instant now = Instant.now();
        Harness.await(patchbay.store().of(PhoneNumber.KIND).put(new PhoneNumber(Sids.next(Sids.PHONE_NUMBER),
                patchbay.mainAccount().sid(), number, number, app.url(path), "POST", null, null, null, null, null, now, now)));
    }

    private CallRecord finalRecordTo(String to) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Page<CallRecord> page = Harness.await(patchbay.store().of(CallRecord.KIND).list(patchbay.mainAccount().sid(),
                    r -> to.equals(r.to()) && r.status().isFinal(), 0, 1));
            if (!page.items().isEmpty()) {
                return page.items().get(0);
            }
            Harness.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("no final call record to " + to + " within a minute");
    }

    private String inboundContext() {
        return System.getenv().getOrDefault("ARI_INBOUND_CONTEXT", "patchbay-inbound");
    }

    @Test
    void anInboundCallIsAnsweredAndCompletes() {
        number("7101", "/voice");
        app.respond("/voice", "<Response><Play>sound:beep</Play><Hangup/></Response>");
        caller.call("+15551230001", "7101", inboundContext());
        CallRecord done = finalRecordTo("7101");
        assertEquals(CallStatus.COMPLETED, done.status());
        assertNotNull(done.startTime());
    }

    @Test
    void gatherTakesTheCallersDigits() {
        number("7102", "/voice");
        app.respond("/voice", "<Response><Gather numDigits=\"2\" action=\"/digits\" timeout=\"10\"><Play>sound:beep</Play></Gather></Response>");
        app.respond("/digits", "<Response><Hangup/></Response>");
        String callerChannel = caller.call("+15551230002", "7102", inboundContext());
        Harness.await(app.awaitRequest("/voice"));
        Harness.sleep(Duration.ofSeconds(2));
        caller.press(callerChannel, "42");
        RecordedRequest digits = Harness.await(app.awaitRequest("/digits"));
        assertEquals("42", digits.param("Digits"));
        assertEquals(CallStatus.COMPLETED, finalRecordTo("7102").status());
    }

    /**
     * A real SIP call (run when {@code ARI_SIPP_TARGET}, e.g. 127.0.0.1:5060, names the PBX's SIP address): SIPp
     * calls from 127.0.0.1:{@code ARI_SIPP_PORT} (default 5061), hears the app and hangs up itself. Unlike the
     * Local calls above it is a PJSIP channel, whose every event also reaches Patchbay through its
     * {@code endpoint:PJSIP} subscription (presence).
     */
    @Test
    void aSipPhoneCallsInAndHangsUp() {
        String target = System.getenv("ARI_SIPP_TARGET");
        assumeTrue(target != null && !target.isBlank(), "ARI_SIPP_TARGET not set: no SIPp call");
        number("7104", "/voice");
        app.respond("/voice", "<Response><Play>sound:beep</Play><Pause length=\"20\"/></Response>");
        SippCaller phone = new SippCaller(System.getenv().getOrDefault("ARI_SIPP", "sipp"), target,
                Integer.parseInt(System.getenv().getOrDefault("ARI_SIPP_PORT", "5061")));
        assertEquals(0, phone.call("7104", 2_000, dataDir));
        CallRecord done = finalRecordTo("7104");
        assertEquals(CallStatus.COMPLETED, done.status());
        assertNotNull(done.startTime());
    }

    @Test
    void dialBridgesALocalCallee() {
        number("7103", "/voice");
        app.respond("/voice", "<Response><Dial timeLimit=\"3\" action=\"/dialed\"><Number>7199</Number></Dial></Response>");
        app.respond("/dialed", "<Response><Hangup/></Response>");
        caller.call("+15551230003", "7103", inboundContext());
        RecordedRequest dialed = Harness.await(app.awaitRequest("/dialed"));
        assertEquals("completed", dialed.param("DialCallStatus"));
        assertEquals("true", dialed.param("DialBridged"));
        assertEquals(CallStatus.COMPLETED, finalRecordTo("7103").status());
    }
}
