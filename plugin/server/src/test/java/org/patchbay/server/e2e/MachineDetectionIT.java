package org.patchbay.server.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.AmdCallee;
import org.patchbay.asterisk.sim.AriRequest;
import org.patchbay.asterisk.sim.FarEndBehaviour;
import org.patchbay.core.amd.MachineDetection;
import org.patchbay.core.call.CallApp;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.livecall.OutboundCall;
import org.patchbay.core.notification.Notification;
import org.patchbay.testkit.RecordedRequest;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answering-machine detection end to end: Patchbay originates into the {@code patchbay-amd} context, the simulated
 * Asterisk runs its AMD() model on the callee the test chose, and the result arrives as the Stasis arguments.
 */
class MachineDetectionIT {
    private static final String HUMAN = "+15557650001";
    private static final String MACHINE = "+15557650002";
    private static final String SILENT = "+15557650003";
    private static final String BUSY = "+15557650004";
    private static final String INSTANT_BUSY = "+15557650005";

    @TempDir
    Path dataDir;
    Harness h;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        Harness.await(h.asterisk.addAmdCallee("PJSIP/" + MACHINE, AmdCallee.MACHINE));
        Harness.await(h.asterisk.addAmdCallee("PJSIP/" + SILENT, AmdCallee.SILENT));
        // 4 s of ringing (0.2 s at test speed), as a trunk's busy takes a round trip: the subscription lands first.
        Harness.await(h.asterisk.addOriginateRule("PJSIP/" + BUSY, FarEndBehaviour.BUSY, 4000));
        Harness.await(h.asterisk.addOriginateRule("PJSIP/" + INSTANT_BUSY, FarEndBehaviour.BUSY, 0));
        h.app.respond("/voice", "<Response><Play>sound:beep</Play></Response>");
        h.app.respond("/amd", 204, "text/plain", "");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static MachineDetection detection(MachineDetection.Mode mode) {
        return new MachineDetection(mode, null, null, null, null, false, null, null);
    }

    private CallRecord place(String to, MachineDetection detection) {
        CallApp app = new CallApp(h.app.url("/voice"), "POST", null, null, null, "POST", Set.of("completed"), detection);
        return Harness.await(h.patchbay.liveCalls().create(new OutboundCall(h.patchbay.mainAccount().sid(), to,
                "+15550009999", null, app, null, 30, 0, null, null)));
    }

    private CallRecord finished(String sid) {
        h.waitUntil("call " + sid + " to end", () -> {
            CallRecord r = Harness.await(h.patchbay.store().of(CallRecord.KIND).get(sid));
            return r != null && r.status().isFinal();
        });
        return Harness.await(h.patchbay.store().of(CallRecord.KIND).get(sid));
    }

    private String answeredByInVoiceRequest(String sid) {
        RecordedRequest voice = Harness.await(h.app.awaitRequest("/voice"));
        assertEquals(sid, voice.param("CallSid"));
        return voice.param("AnsweredBy");
    }

    @Test
    void aHumanIsAnsweredByHumanInTheVoiceRequestAndOnTheRecord() {
        CallRecord call = place(HUMAN, detection(MachineDetection.Mode.ENABLE));
        assertEquals("human", answeredByInVoiceRequest(call.sid()));
        CallRecord done = finished(call.sid());
        assertEquals(CallStatus.COMPLETED, done.status());
        assertEquals("human", done.answeredBy());
        assertEquals(List.of("playback sound:beep done"), h.heardMedia(done.channelId()), "the document ran after detection");

        List<AriRequest> requests = Harness.await(h.asterisk.requests());
        AriRequest originate = requests.stream().filter(r -> r.method().equals("POST") && r.path().startsWith("/channels/")
                && r.path().endsWith(call.sid())).findFirst().orElseThrow();
        assertTrue(originate.query().contains("context=patchbay-amd") && originate.query().contains("extension=s"),
                originate.query());
        assertTrue(!originate.query().contains("app="), "not straight into Stasis: " + originate.query());
        assertTrue(requests.stream().anyMatch(r -> r.path().equals("/applications/patchbay/subscription")
                && r.query().contains(call.sid())), "subscribed to the channel, so its ringing and failures are heard");
        h.assertNothingLeaked();
    }

    @Test
    void aMachineIsMachineStartAsSoonAsAmdKnows() {
        CallRecord call = place(MACHINE, detection(MachineDetection.Mode.ENABLE));
        assertEquals("machine_start", answeredByInVoiceRequest(call.sid()));
        assertEquals("machine_start", finished(call.sid()).answeredBy());
    }

    @Test
    void detectMessageEndWaitsForTheGreetingToEndInSilence() {
        CallRecord call = place(MACHINE, detection(MachineDetection.Mode.DETECT_MESSAGE_END));
        assertEquals("machine_end_silence", answeredByInVoiceRequest(call.sid()));
        CallRecord done = finished(call.sid());
        assertEquals("machine_end_silence", done.answeredBy());
        assertTrue(Harness.await(h.asterisk.requests()).stream().noneMatch(r -> r.path().contains("/variable")),
                "the result comes in the Stasis arguments; no variable is read");
    }

    @Test
    void aGreetingStillGoingAtTheTimeoutIsMachineEndOther() {
        CallRecord call = place(MACHINE, new MachineDetection(MachineDetection.Mode.DETECT_MESSAGE_END, 3, null, null, null,
                false, null, null));
        assertEquals("machine_end_other", answeredByInVoiceRequest(call.sid()));
    }

    @Test
    void theSpeechThresholdDecidesHowLongAHelloMayBe() {
        CallRecord call = place(HUMAN, new MachineDetection(MachineDetection.Mode.ENABLE, null, 1000, null, null,
                false, null, null));
        assertEquals("machine_start", answeredByInVoiceRequest(call.sid()), "a 1.4 s hello is longer than 1000 ms");
    }

    @Test
    void aLineThatNeverSpeaksIsUnknown() {
        CallRecord call = place(SILENT, detection(MachineDetection.Mode.ENABLE));
        assertEquals("unknown", answeredByInVoiceRequest(call.sid()));
    }

    @Test
    void asyncAmdPostsTheResultToItsCallbackAndRunsTheDocument() {
        CallRecord call = place(MACHINE, new MachineDetection(MachineDetection.Mode.ENABLE, null, null, null, null,
                true, h.app.url("/amd"), "POST"));
        RecordedRequest callback = Harness.await(h.app.awaitRequest("/amd"));
        assertEquals(call.sid(), callback.param("CallSid"));
        assertEquals("machine_start", callback.param("AnsweredBy"));
        assertEquals(h.patchbay.mainAccount().sid(), callback.param("AccountSid"));
        assertEquals("machine_start", answeredByInVoiceRequest(call.sid()));
        assertEquals(CallStatus.COMPLETED, finished(call.sid()).status());
    }

    @Test
    void asyncAmdWithoutACallbackIsWarnedAbout() {
        CallRecord call = place(HUMAN, new MachineDetection(MachineDetection.Mode.ENABLE, null, null, null, null,
                true, null, null));
        assertEquals("human", answeredByInVoiceRequest(call.sid()));
        h.waitUntil("the 21262 warning", () -> Harness.await(h.patchbay.store().of(Notification.KIND)
                .list(h.patchbay.mainAccount().sid(), n -> call.sid().equals(n.callSid()) && n.errorCode() == 21262, 0, 5))
                .items().size() == 1);
    }

    @Test
    void withoutAsyncAmdTheCallbackIsNotCalled() {
        CallRecord call = place(MACHINE, new MachineDetection(MachineDetection.Mode.ENABLE, null, null, null, null,
                false, h.app.url("/amd"), "POST"));
        finished(call.sid());
        assertTrue(h.app.requests("/amd").isEmpty());
    }

    @Test
    void aBusyCalleeIsHeardThroughTheChannelSubscription() {
        CallRecord call = place(BUSY, detection(MachineDetection.Mode.ENABLE));
        CallRecord done = finished(call.sid());
        assertEquals(CallStatus.BUSY, done.status());
        assertNull(done.answeredBy());
        assertTrue(h.app.requests("/voice").isEmpty());
        h.assertNothingLeaked();
    }

    /** Asterisk forgets a channel the moment it is refused: before Patchbay has subscribed, no cause can be had. */
    @Test
    void aCalleeRefusingBeforeTheSubscriptionLandsEndsTheCallAsFailed() {
        CallRecord call = place(INSTANT_BUSY, detection(MachineDetection.Mode.ENABLE));
        assertEquals(CallStatus.FAILED, finished(call.sid()).status());
        assertTrue(h.app.requests("/voice").isEmpty());
        h.assertNothingLeaked();
    }

    @Test
    void withoutMachineDetectionThereIsNoAnsweredBy() {
        CallRecord call = place(MACHINE, null);
        assertNull(answeredByInVoiceRequest(call.sid()));
        assertNull(finished(call.sid()).answeredBy());
    }

    @Test
    void aNumberWithMachineDetectionInADialGetsItsResultInTheScreeningRequestAndCallback() {
        h.number("8000", "/inbound", null, null);
        h.app.respond("/inbound", "<Response><Dial><Number machineDetection=\"Enable\" url=\"/screen\""
                + " amdStatusCallback=\"/amd\">" + MACHINE + "</Number></Dial></Response>");
        h.app.respond("/screen", "<Response><Hangup/></Response>");
        h.call("+15550000006", "8000");
        RecordedRequest screen = Harness.await(h.app.awaitRequest("/screen"));
        assertEquals("machine_start", screen.param("AnsweredBy"));
        RecordedRequest callback = Harness.await(h.app.awaitRequest("/amd"));
        assertEquals(screen.param("CallSid"), callback.param("CallSid"));
        assertEquals("machine_start", callback.param("AnsweredBy"));
        assertEquals("machine_start", finished(screen.param("CallSid")).answeredBy());
    }
}
