package org.patchbay.core.call;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.patchbay.core.instructions.InstructionRequest;
import org.patchbay.testkit.telephony.FarEnd;
import org.patchbay.testkit.telephony.MemoryCall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dial on the memory PBX: the callee's answer, busy line or silence reach the action as DialCallStatus. */
class DialExecutorTest {
    private final CallEngine engine = new CallEngine();

    @AfterEach
    void stop() {
        engine.close();
    }

    private InstructionRequest dial(FarEnd callee) {
        engine.pbx.farEnds(request -> callee);
        engine.app.respond("/voice", "<Response><Dial action=\"/dialed\" timeout=\"5\"><Number>+15557000001</Number></Dial></Response>");
        engine.app.respond("/dialed", "<Response><Hangup/></Response>");
        MemoryCall caller = engine.call("/voice");
        InstructionRequest dialed = engine.awaitRequest("/dialed");
        engine.finished(caller);
        engine.assertClean();
        return dialed;
    }

    @Test
    void anAnsweredCalleeIsBridgedAndTheActionHearsCompletedWhenTheCalleeHangsUp() {
        engine.pbx.farEnds(request -> FarEnd.ANSWERS);
        engine.app.respond("/voice", "<Response><Dial action=\"/dialed\"><Number>+15557000001</Number></Dial></Response>");
        engine.app.respond("/dialed", "<Response><Hangup/></Response>");
        MemoryCall caller = engine.call("/voice");
        engine.waitUntil("both parties in a bridge", () -> engine.pbx.commands("addToBridge").size() == 2);
        String callee = engine.pbx.commands("originate").get(0).target();
        engine.pbx.channel(callee).hangUp();
        InstructionRequest dialed = engine.awaitRequest("/dialed");
        assertEquals("completed", dialed.params().get("DialCallStatus"));
        assertEquals("true", dialed.params().get("DialBridged"));
        assertTrue(dialed.params().get("DialCallSid").startsWith("CA"));
        engine.finished(caller);
        engine.assertClean();
        assertTrue(engine.pbx.leftovers().isEmpty(), "left in the PBX: " + engine.pbx.leftovers());
    }

    @Test
    void aBusyCalleeIsReportedBusy() {
        assertEquals("busy", dial(FarEnd.BUSY).params().get("DialCallStatus"));
    }

    @Test
    void aCalleeWhoNeverAnswersIsReportedNoAnswer() {
        assertEquals("no-answer", dial(FarEnd.NO_ANSWER).params().get("DialCallStatus"));
    }

    @Test
    void aCalleeStillRingingWhenTheTimeoutEndsIsHungUpAndReportedNoAnswer() {
        engine.pbx.farEnds(request -> FarEnd.RINGS);
        engine.app.respond("/voice", "<Response><Dial action=\"/dialed\" timeout=\"1\"><Number>+15557000001</Number></Dial></Response>");
        engine.app.respond("/dialed", "<Response><Hangup/></Response>");
        MemoryCall caller = engine.call("/voice");
        assertEquals("no-answer", engine.awaitRequest("/dialed").params().get("DialCallStatus"));
        engine.finished(caller);
        engine.assertClean();
        assertTrue(engine.pbx.leftovers().isEmpty(), "left in the PBX: " + engine.pbx.leftovers());
    }
}
