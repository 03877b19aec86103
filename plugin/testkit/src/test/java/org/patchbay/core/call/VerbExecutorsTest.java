package org.patchbay.core.call;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.patchbay.core.instructions.InstructionRequest;
import org.patchbay.testkit.telephony.MediaScript;
import org.patchbay.testkit.telephony.MemoryCall;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Say, Play, Pause, Hangup, Reject and Redirect on the memory PBX: what the caller hears and how the call ends. */
class VerbExecutorsTest {
    private final CallEngine engine = new CallEngine();

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void sayAnswersThenPlaysTheSynthesisedSpeechAndTheCallCompletes() {
        engine.app.respond("/voice", "<Response><Say>Hello there</Say></Response>");
        MemoryCall caller = engine.call("/voice");
        assertEquals(CallStatus.COMPLETED, engine.finished(caller).status());
        assertEquals(List.of("ring", "answer", "play", "hangup"), verbs(caller));
        assertEquals(1, caller.heard().size());
        assertTrue(caller.heard().get(0).matches("sound:http://127\\.0\\.0\\.1:8080/media/tts/[0-9a-f]+\\.wav"), caller.heard().toString());
        engine.assertClean();
    }

    @Test
    void playLoopsAsOftenAsAsked() {
        engine.app.respond("/voice", "<Response><Play loop=\"3\">sound:beep</Play></Response>");
        MemoryCall caller = engine.call("/voice");
        engine.finished(caller);
        assertEquals(List.of("sound:beep", "sound:beep", "sound:beep"), caller.heard());
        engine.assertClean();
    }

    @Test
    void aFailedPlaybackMovesOnToTheNextVerb() {
        engine.pbx.media(MediaScript.finishing().withPlaybacks(MediaScript.Outcome.FAIL));
        engine.app.respond("/voice", "<Response><Play>sound:missing</Play><Play>sound:beep</Play></Response>");
        MemoryCall caller = engine.call("/voice");
        assertEquals(CallStatus.COMPLETED, engine.finished(caller).status());
        assertEquals(List.of("sound:missing", "sound:beep"), caller.heard());
    }

    @Test
    void pauseWaitsItsLengthBeforeTheNextVerb() {
        engine.app.respond("/voice", "<Response><Pause length=\"1\"/><Play>sound:beep</Play></Response>");
        long started = System.nanoTime();
        MemoryCall caller = engine.call("/voice");
        engine.waitUntil("the beep", () -> !caller.heard().isEmpty());
        assertTrue(System.nanoTime() - started >= 900_000_000L, "the beep came before the pause ended");
        engine.finished(caller);
        engine.assertClean();
    }

    @Test
    void hangupEndsTheCallAndNothingAfterItRuns() {
        engine.app.respond("/voice", "<Response><Hangup/><Play>sound:beep</Play></Response>");
        MemoryCall caller = engine.call("/voice");
        assertEquals(CallStatus.COMPLETED, engine.finished(caller).status());
        assertTrue(caller.heard().isEmpty());
        assertEquals(1, engine.pbx.commands("hangup").size());
        engine.assertClean();
    }

    @Test
    void rejectNeverAnswersAndEndsBusy() {
        engine.app.respond("/voice", "<Response><Reject reason=\"busy\"/></Response>");
        MemoryCall caller = engine.call("/voice");
        assertEquals(CallStatus.BUSY, engine.finished(caller).status());
        assertFalse(verbs(caller).contains("answer"));
        assertEquals("busy", engine.pbx.commands("hangup").get(0).detail());
        engine.assertClean();
    }

    @Test
    void rejectWithoutAReasonEndsAsNoAnswer() {
        engine.app.respond("/voice", "<Response><Reject/></Response>");
        MemoryCall caller = engine.call("/voice");
        assertEquals(CallStatus.NO_ANSWER, engine.finished(caller).status());
    }

    @Test
    void redirectFetchesTheNextDocumentRelativeToThisOne() {
        engine.app.respond("/voice", "<Response><Redirect method=\"GET\">next</Redirect><Play>sound:never</Play></Response>");
        engine.app.respond("/next", "<Response><Play>sound:beep</Play></Response>");
        MemoryCall caller = engine.call("/voice");
        engine.finished(caller);
        InstructionRequest next = engine.awaitRequest("/next");
        assertEquals("GET", next.method());
        assertEquals(List.of("sound:beep"), caller.heard());
        engine.assertClean();
    }

    @Test
    void aDocumentThatCannotBeFetchedPlaysTheErrorPromptAndEnds() {
        MemoryCall caller = engine.call("/nothing-here");
        assertEquals(CallStatus.COMPLETED, engine.finished(caller).status());
        assertEquals(List.of("sound:an-error-has-occurred"), caller.heard());
        engine.assertClean();
    }

    private List<String> verbs(MemoryCall caller) {
        return engine.pbx.commands().stream().filter(c -> c.target().equals(caller.channelId())).map(c -> c.verb()).toList();
    }
}
