package org.patchbay.core.call;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.patchbay.testkit.telephony.FarEnd;
import org.patchbay.testkit.telephony.MediaScript;
import org.patchbay.testkit.telephony.MemoryCall;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The session's life cycle when the caller hangs up at each step: the call ends completed, every wait is
 * released, nothing Patchbay created is left in the PBX, and no request is made about the gone channel.
 */
class SessionHangupTest {
    private final CallEngine engine = new CallEngine();

    @AfterEach
    void stop() {
        engine.close();
    }

    /** A document, and the PBX request at whose arrival the caller hangs up. */
    static Stream<Arguments> steps() {
        return Stream.of(
                Arguments.of("ringing, before the answer", "<Response><Play>sound:beep</Play></Response>", "answer"),
                Arguments.of("as a Say starts", "<Response><Say>Hello</Say><Play>sound:after</Play></Response>", "play"),
                Arguments.of("as a Gather's prompt starts", "<Response><Gather action=\"/keys\"><Play>sound:menu</Play></Gather></Response>", "play"),
                Arguments.of("as a recording starts", "<Response><Record action=\"/recorded\" playBeep=\"false\"/></Response>", "record"),
                Arguments.of("as a Dial rings the callee", "<Response><Dial action=\"/dialed\"><Number>+15557000001</Number></Dial></Response>", "originate"),
                Arguments.of("as the callee is bridged", "<Response><Dial action=\"/dialed\"><Number>+15557000001</Number></Dial></Response>", "addToBridge"),
                Arguments.of("as Patchbay sends digits", "<Response><Play digits=\"12\"/></Response>", "sendDtmf"));
    }

    @ParameterizedTest(name = "hang-up {0}")
    @MethodSource("steps")
    void aHangupAtEachStepEndsTheCallCleanly(String step, String twiml, String request) {
        engine.pbx.farEnds(r -> FarEnd.ANSWERS);
        engine.app.respond("/voice", twiml);
        engine.app.respond("/keys", "<Response><Play>sound:never</Play></Response>");
        engine.app.respond("/recorded", "<Response><Hangup/></Response>");
        engine.app.respond("/dialed", "<Response><Play>sound:never</Play></Response>");
        MemoryCall caller = engine.call("/voice", c -> c.hangUpOn(request));
        assertEquals(CallStatus.COMPLETED, engine.finished(caller).status());
        engine.assertClean();
        engine.waitUntil("the PBX to hold nothing of the call", () -> engine.pbx.leftovers().isEmpty());
        assertTrue(engine.app.requests("/keys").isEmpty());
        assertTrue(!caller.heard().contains("sound:never") && !caller.heard().contains("sound:after"), caller.heard().toString());
    }

    /** A caller who hangs up while media, a key wait or a recording is running (held, so the hang-up lands mid-step). */
    static Stream<Arguments> heldSteps() {
        return Stream.of(
                Arguments.of("mid-playback", "<Response><Play>sound:long</Play><Play>sound:after</Play></Response>", "play"),
                Arguments.of("while a Gather waits for keys", "<Response><Gather action=\"/keys\" timeout=\"30\"/><Play>sound:after</Play></Response>", "play-or-wait"),
                Arguments.of("mid-recording", "<Response><Record action=\"/recorded\" playBeep=\"false\"/><Play>sound:after</Play></Response>", "record"),
                Arguments.of("while bridged to a callee", "<Response><Dial><Number>+15557000001</Number></Dial><Play>sound:after</Play></Response>", "addToBridge"),
                Arguments.of("while a Pause runs", "<Response><Pause length=\"30\"/><Play>sound:after</Play></Response>", "answer"));
    }

    @ParameterizedTest(name = "hang-up {0}")
    @MethodSource("heldSteps")
    void aHangupDuringAStepReleasesItsWait(String step, String twiml, String reached) {
        engine.pbx.media(MediaScript.holding());
        engine.pbx.farEnds(r -> FarEnd.ANSWERS);
        engine.app.respond("/voice", twiml);
        engine.app.respond("/recorded", "<Response><Play>sound:never</Play></Response>");
        MemoryCall caller = engine.call("/voice");
        String verb = reached.equals("play-or-wait") ? "answer" : reached;
        engine.waitUntil("the step to start (" + verb + ")", () -> !engine.pbx.commands(verb).isEmpty());
        CallEngine.sleep(50);
        caller.hangUp();
        assertEquals(CallStatus.COMPLETED, engine.finished(caller).status());
        engine.assertClean();
        engine.waitUntil("the PBX to hold nothing of the call", () -> engine.pbx.leftovers().isEmpty());
        assertTrue(!caller.heard().contains("sound:after") && !caller.heard().contains("sound:never"), caller.heard().toString());
    }
}
