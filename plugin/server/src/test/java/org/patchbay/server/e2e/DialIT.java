package org.patchbay.server.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.FarEndBehaviour;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.call.CallStatus;
import org.patchbay.core.call.Direction;
import org.patchbay.testkit.RecordedRequest;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code <Dial>} of numbers: who answers, who does not, and who hangs up when. */
class DialIT {
    @TempDir
    Path dataDir;
    Harness h;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        h.number("8000", "/voice", null, null);
        h.app.respond("/dialed", "<Response><Play>sound:vm-goodbye</Play></Response>");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private InboundCall dial(String dialTwiml) {
        h.app.respond("/voice", "<Response>" + dialTwiml + "<Play>sound:beep</Play></Response>");
        return h.call("+15550000006", "8000");
    }

    private List<CallRecord> children(String parentSid) {
        return Harness.await(h.patchbay.store().of(CallRecord.KIND).list(h.patchbay.mainAccount().sid(),
                r -> parentSid.equals(r.parentCallSid()), 0, 10)).items();
    }

    private CallRecord child(InboundCall call) {
        CallRecord parent = h.recordOf(call.channelId(), r -> true);
        h.waitUntil("a child call", () -> !children(parent.sid()).isEmpty());
        return children(parent.sid()).get(0);
    }

    @Test
    void anAnsweredDialBridgesUntilTheCalleeHangsUpThenRequestsTheAction() {
        InboundCall call = dial("<Dial action=\"/dialed\"><Number>+15557000001</Number></Dial>");
        CallRecord child = child(call);
        h.waitUntil("the callee to answer", () -> Harness.await(h.patchbay.store().of(CallRecord.KIND).get(child.sid())).status()
                == CallStatus.IN_PROGRESS);
        h.waitUntil("the bridge", () -> !Harness.await(h.asterisk.state()).bridges().isEmpty());
        Harness.await(h.asterisk.hangUp(child.channelId()));

        RecordedRequest action = Harness.await(h.app.awaitRequest("/dialed"));
        assertEquals("completed", action.param("DialCallStatus"));
        assertEquals(child.sid(), action.param("DialCallSid"));
        assertEquals("true", action.param("DialBridged"));
        assertTrue(Integer.parseInt(action.param("DialCallDuration")) >= 0);
        CallRecord finishedChild = Harness.await(h.patchbay.store().of(CallRecord.KIND).get(child.sid()));
        assertEquals(Direction.OUTBOUND_DIAL, finishedChild.direction());
        assertEquals(CallStatus.COMPLETED, finishedChild.status());
        assertEquals("+15557000001", finishedChild.to());
        h.finished(call.channelId());
        List<String> heard = h.heardMedia(call.channelId());
        assertEquals("playback sound:vm-goodbye done", heard.get(heard.size() - 1));
        h.assertNothingLeaked();
    }

    @Test
    void busyNoAnswerAndFailureReachTheActionAsDialCallStatus() {
        Harness.await(h.asterisk.addOriginateRule("PJSIP/+15557000002*", FarEndBehaviour.BUSY, 50));
        Harness.await(h.asterisk.addOriginateRule("PJSIP/+15557000003*", FarEndBehaviour.NO_ANSWER, 50));
        Harness.await(h.asterisk.addOriginateRule("PJSIP/+15557000004*", FarEndBehaviour.FAIL, 50));
        for (String[] expected : List.of(new String[]{"+15557000002", "busy"}, new String[]{"+15557000003", "no-answer"},
                new String[]{"+15557000004", "failed"})) {
            h.app.reset();
            h.app.respond("/dialed", "<Response><Play>sound:vm-goodbye</Play></Response>");
            InboundCall call = dial("<Dial action=\"/dialed\" timeout=\"2\"><Number>" + expected[0] + "</Number></Dial>");
            RecordedRequest action = Harness.await(h.app.awaitRequest("/dialed"));
            assertEquals(expected[1], action.param("DialCallStatus"), expected[0]);
            assertEquals("false", action.param("DialBridged"));
            h.finished(call.channelId());
        }
        h.assertNothingLeaked();
    }

    @Test
    void withoutActionTheCallGoesOnToTheNextVerb() {
        Harness.await(h.asterisk.addOriginateRule("PJSIP/+15557000005*", FarEndBehaviour.BUSY, 50));
        InboundCall call = dial("<Dial><Number>+15557000005</Number></Dial>");
        h.finished(call.channelId());
        List<String> heard = h.heardMedia(call.channelId());
        assertEquals("playback sound:beep done", heard.get(heard.size() - 1));
    }

    @Test
    void numbersRingInParallelAndTheFirstToAnswerWins() {
        Harness.await(h.asterisk.addOriginateRule("PJSIP/+15557000006*", FarEndBehaviour.ANSWER, 3000));
        Harness.await(h.asterisk.addOriginateRule("PJSIP/+15557000007*", FarEndBehaviour.ANSWER, 100));
        InboundCall call = dial("<Dial action=\"/dialed\"><Number>+15557000006</Number><Number>+15557000007</Number></Dial>");
        CallRecord parent = h.recordOf(call.channelId(), r -> true);
        h.waitUntil("two children, one answered, one canceled", () -> {
            List<CallRecord> kids = children(parent.sid());
            return kids.size() == 2 && kids.stream().anyMatch(k -> k.status() == CallStatus.CANCELED)
                    && kids.stream().anyMatch(k -> k.status() == CallStatus.IN_PROGRESS);
        });
        CallRecord winner = children(parent.sid()).stream().filter(k -> k.status() == CallStatus.IN_PROGRESS).findFirst().orElseThrow();
        assertEquals("+15557000007", winner.to());
        Harness.await(h.asterisk.hangUp(call.callerChannelId()));
        h.finished(call.channelId());
        h.assertNothingLeaked();
    }

    @Test
    void screeningAcceptsWhenTheDocumentEndsAndRejectsWhenTheCalleeIsHungUp() {
        h.app.respond("/accept", "<Response><Play>sound:beep</Play></Response>");
        h.app.respond("/reject", "<Response><Hangup/></Response>");
        InboundCall accepted = dial("<Dial action=\"/dialed\"><Number url=\"/accept\">+15557000008</Number></Dial>");
        CallRecord child = child(accepted);
        h.waitUntil("the bridge", () -> !Harness.await(h.asterisk.state()).bridges().isEmpty());
        assertEquals(List.of("playback sound:beep done"), h.heardMedia(child.channelId()));
        Harness.await(h.asterisk.hangUp(child.channelId()));
        assertEquals("completed", Harness.await(h.app.awaitRequest("/dialed")).param("DialCallStatus"));
        h.finished(accepted.channelId());

        h.app.reset();
        h.app.respond("/reject", "<Response><Hangup/></Response>");
        h.app.respond("/dialed", "<Response/>");
        InboundCall rejected = dial("<Dial action=\"/dialed\"><Number url=\"/reject\">+15557000009</Number></Dial>");
        RecordedRequest action = Harness.await(h.app.awaitRequest("/dialed"));
        assertEquals("no-answer", action.param("DialCallStatus"));
        assertEquals("false", action.param("DialBridged"));
        h.finished(rejected.channelId());
        h.assertNothingLeaked();
    }

    @Test
    void hangupOnStarDropsTheCalleeAndTheCallerCarriesOn() {
        InboundCall call = dial("<Dial hangupOnStar=\"true\"><Number>+15557000010</Number></Dial>");
        h.waitUntil("the bridge", () -> !Harness.await(h.asterisk.state()).bridges().isEmpty());
        Harness.await(h.asterisk.pressDigits(call.callerChannelId(), "*"));
        h.finished(call.channelId());
        List<String> heard = h.heardMedia(call.channelId());
        assertEquals("playback sound:beep done", heard.get(heard.size() - 1));
        h.assertNothingLeaked();
    }

    @Test
    void timeLimitEndsTheBridgedCall() {
        InboundCall call = dial("<Dial timeLimit=\"2\" action=\"/dialed\"><Number>+15557000011</Number></Dial>");
        RecordedRequest action = Harness.await(h.app.awaitRequest("/dialed"));
        assertEquals("completed", action.param("DialCallStatus"));
        h.finished(call.channelId());
        h.assertNothingLeaked();
    }

    @Test
    void theCallerHangingUpWhileTheCalleeRingsCancelsTheCallee() {
        Harness.await(h.asterisk.addOriginateRule("PJSIP/+15557000012*", FarEndBehaviour.NO_ANSWER, 50));
        InboundCall call = dial("<Dial timeout=\"30\"><Number>+15557000012</Number></Dial>");
        CallRecord child = child(call);
        Harness.await(h.asterisk.hangUp(call.callerChannelId()));
        h.waitUntil("the callee canceled", () -> Harness.await(h.patchbay.store().of(CallRecord.KIND).get(child.sid())).status()
                == CallStatus.CANCELED);
        h.finished(call.channelId());
        h.assertNothingLeaked();
    }

    @Test
    void answerOnBridgeLeavesTheCallerRingingUntilTheCalleeAnswers() {
        Harness.await(h.asterisk.addOriginateRule("PJSIP/+15557000013*", FarEndBehaviour.ANSWER, 1000));
        InboundCall call = dial("<Dial answerOnBridge=\"true\" action=\"/dialed\"><Number>+15557000013</Number></Dial>");
        CallRecord child = child(call);
        h.waitUntil("the bridge", () -> !Harness.await(h.asterisk.state()).bridges().isEmpty());
        List<String> order = Harness.await(h.asterisk.requests()).stream()
                .map(r -> r.method() + " " + r.path().replaceAll("\\?.*", "")).toList();
        int originate = order.indexOf("POST /channels/" + child.channelId());
        int answer = order.indexOf("POST /channels/" + call.channelId() + "/answer");
        assertTrue(originate >= 0 && answer > originate, order.toString());
        assertTrue(h.heardMedia(call.channelId()).stream().noneMatch(e -> e.contains("tone:ring")),
                "no ringback played by Patchbay: the PBX rings the caller");
        Harness.await(h.asterisk.hangUp(child.channelId()));
        assertEquals("completed", Harness.await(h.app.awaitRequest("/dialed")).param("DialCallStatus"));
        h.finished(call.channelId());
        h.assertNothingLeaked();
    }

    @Test
    void recordFromAnswerRecordsTheBridgeAndPassesTheRecordingToTheAction() {
        InboundCall call = dial("<Dial record=\"record-from-answer\" action=\"/dialed\"><Number>+15557000014</Number></Dial>");
        CallRecord child = child(call);
        h.waitUntil("the recording", () -> !Harness.await(h.asterisk.state()).liveRecordings().isEmpty());
        Harness.await(h.asterisk.speak(call.callerChannelId(), 2000));
        Harness.sleep(java.time.Duration.ofMillis(200));
        Harness.await(h.asterisk.hangUp(child.channelId()));
        RecordedRequest action = Harness.await(h.app.awaitRequest("/dialed"));
        String sid = action.param("RecordingSid");
        assertTrue(action.param("RecordingUrl").endsWith("/Recordings/" + sid), action.params().toString());
        h.waitUntil("the recording settled", () -> {
            var recording = Harness.await(h.patchbay.store().of(org.patchbay.core.recording.Recording.KIND).get(sid));
            return recording != null && !recording.status().equals("in-progress");
        });
        assertEquals("DialVerb", Harness.await(h.patchbay.store().of(org.patchbay.core.recording.Recording.KIND).get(sid)).source());
        h.finished(call.channelId());
        h.assertNothingLeaked();
    }

    @Test
    void sipAndClientNounsGoToTheirEndpointTemplatesAndNumbersGetTheirDigits() {
        Harness.await(h.asterisk.addOriginateRule("PJSIP/patchbay-sip/sip:alice@pbx.example.com*", FarEndBehaviour.NO_ANSWER, 50));
        Harness.await(h.asterisk.addOriginateRule("PJSIP/bob*", FarEndBehaviour.NO_ANSWER, 50));
        Harness.await(h.asterisk.setEndpointState("PJSIP/bob", "online"));
        h.waitUntil("bob's phone present", () -> !Harness.await(h.patchbay.presence()
                .ringable(h.patchbay.mainAccount().sid(), "bob")).isEmpty());
        InboundCall call = dial("<Dial action=\"/dialed\" timeout=\"5\"><Sip>sip:alice@pbx.example.com</Sip>"
                + "<Client>bob</Client><Number sendDigits=\"12w\">+15557000015</Number></Dial>");
        CallRecord parent = h.recordOf(call.channelId(), r -> true);
        h.waitUntil("three legs", () -> children(parent.sid()).size() == 3);
        h.waitUntil("three originates", () -> originates().size() == 3);
        List<String> originated = originates();
        assertTrue(originated.stream().anyMatch(q -> q.contains("endpoint=PJSIP/patchbay-sip/sip:alice@pbx.example.com&")),
                "the SIP URI goes to its host, not to a local endpoint named alice: " + originated);
        assertTrue(originated.stream().anyMatch(q -> q.contains("endpoint=PJSIP/bob&")), originated.toString());
        assertTrue(originated.stream().anyMatch(q -> q.contains("endpoint=PJSIP/+15557000015&")), originated.toString());
        assertTrue(children(parent.sid()).stream().anyMatch(c -> c.to().equals("client:bob")));
        h.waitUntil("the number bridged", () -> h.bridgedChannels().size() == 2);
        CallRecord winner = children(parent.sid()).stream().filter(c -> c.status() == CallStatus.IN_PROGRESS).findFirst().orElseThrow();
        assertEquals("+15557000015", winner.to());
        assertTrue(h.heardMedia(winner.channelId()).contains("dtmf 12w sent"), h.heardMedia(winner.channelId()).toString());
        Harness.await(h.asterisk.hangUp(winner.channelId()));
        assertEquals(winner.sid(), Harness.await(h.app.awaitRequest("/dialed")).param("DialCallSid"));
        h.finished(call.channelId());
    }

    @Test
    void theCallerHangingUpWhileBridgedEndsTheCalleeAndStillTellsTheAction() {
        InboundCall call = dial("<Dial action=\"/dialed\"><Number>+15557000016</Number></Dial>");
        CallRecord child = child(call);
        h.waitUntil("both bridged", () -> h.bridgedChannels().size() == 2);
        Harness.await(h.asterisk.hangUp(call.callerChannelId()));
        RecordedRequest action = Harness.await(h.app.awaitRequest("/dialed"));
        assertEquals("completed", action.param("DialCallStatus"));
        assertEquals(child.sid(), action.param("DialCallSid"));
        h.waitUntil("the callee hung up", () -> Harness.await(h.patchbay.store().of(CallRecord.KIND).get(child.sid()))
                .status() == CallStatus.COMPLETED);
        h.finished(call.channelId());
    }

    @Test
    void theCallerHangingUpDuringScreeningHangsUpTheCallee() {
        h.app.respond("/screen", "<Response><Pause length=\"30\"/></Response>");
        InboundCall call = dial("<Dial><Number url=\"/screen\">+15557000017</Number></Dial>");
        CallRecord child = child(call);
        Harness.await(h.app.awaitRequest("/screen"));
        Harness.await(h.asterisk.hangUp(call.callerChannelId()));
        h.waitUntil("the callee hung up", () -> Harness.await(h.patchbay.store().of(CallRecord.KIND).get(child.sid()))
                .status().isFinal());
        h.finished(call.channelId());
    }

    @Test
    void theCalleeHangingUpDuringScreeningCountsAsNoAnswer() {
        h.app.respond("/screen", "<Response><Pause length=\"30\"/></Response>");
        InboundCall call = dial("<Dial action=\"/dialed\"><Number url=\"/screen\">+15557000018</Number></Dial>");
        CallRecord child = child(call);
        Harness.await(h.app.awaitRequest("/screen"));
        Harness.await(h.asterisk.hangUp(child.channelId()));
        assertEquals("no-answer", Harness.await(h.app.awaitRequest("/dialed")).param("DialCallStatus"));
        h.finished(call.channelId());
    }

    @Test
    void ringToneChoosesTheCountrysRingback() {
        Harness.await(h.asterisk.addOriginateRule("PJSIP/+15557000019*", FarEndBehaviour.NO_ANSWER, 50));
        InboundCall call = dial("<Dial ringTone=\"de\" timeout=\"2\"><Number>+15557000019</Number></Dial>");
        h.finished(call.channelId());
        assertTrue(h.heardMedia(call.channelId()).stream().anyMatch(e -> e.startsWith("playback tone:ring;tonezone=de")),
                h.heardMedia(call.channelId()).toString());
    }

    private List<String> originates() {
        return Harness.await(h.asterisk.requests()).stream()
                .filter(r -> r.method().equals("POST") && r.path().matches("/channels/CA[0-9a-f]{32}"))
                .map(r -> java.net.URLDecoder.decode(r.query(), java.nio.charset.StandardCharsets.UTF_8)).toList();
    }
}
