package org.patchbay.core.call;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.patchbay.core.instructions.InstructionRequest;
import org.patchbay.testkit.telephony.MediaScript;
import org.patchbay.testkit.telephony.MemoryCall;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Gather and Record on the memory PBX: keys, timeouts, barge-in, recording outcomes. */
class GatherRecordExecutorsTest {
    private final CallEngine engine = new CallEngine();

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void gatherSendsTheKeysPressedUpToFinishOnKey() {
        engine.app.respond("/voice", "<Response><Gather action=\"/keys\" timeout=\"5\"><Play>sound:menu</Play></Gather></Response>");
        engine.app.respond("/keys", "<Response><Hangup/></Response>");
        MemoryCall caller = engine.call("/voice");
        engine.waitUntil("the menu", () -> !caller.heard().isEmpty());
        caller.press("42#");
        InstructionRequest keys = engine.awaitRequest("/keys");
        assertEquals("42", keys.params().get("Digits"));
        assertEquals("#", keys.params().get("FinishedOnKey"));
        assertEquals(CallStatus.COMPLETED, engine.finished(caller).status());
        engine.assertClean();
    }

    @Test
    void aKeyDuringThePromptStopsItAndNumDigitsEndsTheGather() {
        engine.pbx.media(MediaScript.holding());
        engine.app.respond("/voice", "<Response><Gather numDigits=\"1\" action=\"/keys\"><Play>sound:long-menu</Play></Gather></Response>");
        engine.app.respond("/keys", "<Response><Hangup/></Response>");
        MemoryCall caller = engine.call("/voice");
        engine.waitUntil("the menu", () -> !caller.heard().isEmpty());
        caller.press("7");
        assertEquals("7", engine.awaitRequest("/keys").params().get("Digits"));
        engine.waitUntil("the prompt to be stopped", () -> !engine.pbx.commands("stopPlayback").isEmpty());
        engine.finished(caller);
        engine.assertClean();
    }

    @Test
    void aGatherThatTimesOutWithNoKeysGoesOnToTheNextVerb() {
        engine.app.respond("/voice", "<Response><Gather action=\"/keys\" timeout=\"1\"/><Play>sound:goodbye</Play></Response>");
        MemoryCall caller = engine.call("/voice");
        engine.finished(caller);
        assertTrue(engine.app.requests("/keys").isEmpty());
        assertEquals(List.of("sound:goodbye"), caller.heard());
        engine.assertClean();
    }

    @Test
    void recordSendsTheRecordingToTheAction() {
        engine.app.respond("/voice", "<Response><Record action=\"/recorded\" playBeep=\"false\"/></Response>");
        engine.app.respond("/recorded", "<Response><Hangup/></Response>");
        MemoryCall caller = engine.call("/voice");
        InstructionRequest recorded = engine.awaitRequest("/recorded");
        assertEquals("3", recorded.params().get("RecordingDuration"));
        assertTrue(recorded.params().get("RecordingUrl").startsWith("http://127.0.0.1:8080/2010-04-01/Accounts/"));
        assertEquals(CallStatus.COMPLETED, engine.finished(caller).status());
        engine.assertClean();
    }

    @Test
    void theCallerEndsARecordingWithFinishOnKey() {
        engine.pbx.media(MediaScript.holding().withPlaybacks(MediaScript.Outcome.FINISH));
        engine.app.respond("/voice", "<Response><Record action=\"/recorded\" finishOnKey=\"#\"/></Response>");
        engine.app.respond("/recorded", "<Response><Hangup/></Response>");
        MemoryCall caller = engine.call("/voice");
        engine.waitUntil("the recording to start", () -> !engine.pbx.commands("record").isEmpty());
        caller.press("#");
        InstructionRequest recorded = engine.awaitRequest("/recorded");
        assertEquals("#", recorded.params().get("Digits"));
        engine.finished(caller);
        engine.assertClean();
    }

    @Test
    void anEmptyRecordingSkipsTheActionAndGoesOn() {
        engine.pbx.media(MediaScript.finishing().withRecordings(MediaScript.Outcome.FINISH, 0));
        engine.app.respond("/voice", "<Response><Record action=\"/recorded\" playBeep=\"false\"/><Play>sound:nothing-heard</Play></Response>");
        MemoryCall caller = engine.call("/voice");
        engine.finished(caller);
        assertTrue(engine.app.requests("/recorded").isEmpty());
        assertEquals(List.of("sound:nothing-heard"), caller.heard());
        engine.assertClean();
    }
}
