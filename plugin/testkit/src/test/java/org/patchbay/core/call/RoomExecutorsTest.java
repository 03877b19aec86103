package org.patchbay.core.call;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.patchbay.core.instructions.InstructionRequest;
import org.patchbay.testkit.telephony.MemoryCall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conference, Enqueue, Leave and Dial&lt;Queue&gt; on the memory PBX: rooms shared by several calls. */
class RoomExecutorsTest {
    private final CallEngine engine = new CallEngine();

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void twoCallersOfOneConferenceShareItsBridgeUntilTheyLeave() {
        engine.app.respond("/voice", "<Response><Dial><Conference waitUrl=\"\" beep=\"false\">room-1</Conference></Dial></Response>");
        MemoryCall first = engine.call("/voice");
        MemoryCall second = engine.call("/voice");
        engine.waitUntil("both callers in the room's bridge", () -> engine.pbx.commands("addToBridge").stream()
                .map(c -> c.target()).distinct().count() == 2);
        String bridge = engine.pbx.commands("addToBridge").get(0).detail();
        assertTrue(engine.pbx.commands("addToBridge").stream().allMatch(c -> c.detail().equals(bridge)), engine.pbx.commands().toString());
        first.hangUp();
        second.hangUp();
        assertEquals(CallStatus.COMPLETED, engine.finished(first).status());
        assertEquals(CallStatus.COMPLETED, engine.finished(second).status());
        engine.assertClean();
        engine.waitUntil("the room's bridge to be destroyed", () -> engine.pbx.leftovers().isEmpty());
    }

    @Test
    void anAgentDialingTheQueueIsBridgedToTheWaitingCallerAndTheEnqueueActionHearsBridged() {
        engine.app.respond("/caller", "<Response><Enqueue action=\"/dequeued\" waitUrl=\"\">support</Enqueue></Response>");
        engine.app.respond("/agent", "<Response><Dial><Queue>support</Queue></Dial></Response>");
        engine.app.respond("/dequeued", "<Response><Hangup/></Response>");
        MemoryCall caller = engine.call("/caller");
        engine.waitUntil("the caller to wait in the queue", () -> !engine.pbx.commands("answer").isEmpty());
        CallEngine.sleep(100);
        MemoryCall agent = engine.call("/agent");
        engine.waitUntil("caller and agent bridged", () -> engine.pbx.commands("addToBridge").size() == 2);
        agent.hangUp();
        InstructionRequest dequeued = engine.awaitRequest("/dequeued");
        assertEquals("bridged", dequeued.params().get("QueueResult"));
        engine.finished(caller);
        engine.finished(agent);
        engine.assertClean();
        engine.waitUntil("the PBX to hold nothing", () -> engine.pbx.leftovers().isEmpty());
    }

    @Test
    void leaveInTheWaitDocumentTakesTheCallerOutOfTheQueue() {
        engine.app.respond("/caller", "<Response><Enqueue action=\"/dequeued\" waitUrl=\"/wait\">sales</Enqueue></Response>");
        engine.app.respond("/wait", "<Response><Leave/></Response>");
        engine.app.respond("/dequeued", "<Response><Hangup/></Response>");
        MemoryCall caller = engine.call("/caller");
        assertEquals("leave", engine.awaitRequest("/dequeued").params().get("QueueResult"));
        assertEquals(CallStatus.COMPLETED, engine.finished(caller).status());
        engine.assertClean();
    }

    @Test
    void aCallerWhoHangsUpWhileQueuedLeavesNothingBehind() {
        engine.app.respond("/caller", "<Response><Enqueue action=\"/dequeued\" waitUrl=\"\">billing</Enqueue></Response>");
        engine.app.respond("/dequeued", "<Response><Hangup/></Response>");
        MemoryCall caller = engine.call("/caller");
        engine.waitUntil("the caller to wait in the queue", () -> !engine.pbx.commands("answer").isEmpty());
        CallEngine.sleep(100);
        caller.hangUp();
        assertEquals(CallStatus.COMPLETED, engine.finished(caller).status());
        engine.assertClean();
        engine.waitUntil("the PBX to hold nothing", () -> engine.pbx.leftovers().isEmpty());
    }
}
