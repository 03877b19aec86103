package org.patchbay.server.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.queue.Queue;
import org.patchbay.core.queue.QueueMember;
import org.patchbay.testkit.RecordedRequest;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Callers wait in a queue with music; an agent takes them with {@code <Dial><Queue>}; a caller may leave. */
class QueueIT {
    @TempDir
    Path dataDir;
    Harness h;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        h.number("9200", "/caller", null, null);
        h.number("9201", "/agent", null, null);
        h.app.respond("/caller", "<Response><Enqueue waitUrl=\"/wait\" action=\"/left-queue\">support</Enqueue></Response>");
        h.app.respond("/wait", "<Response><Play>sound:hello-world</Play></Response>");
        h.app.respond("/left-queue", "<Response><Play>sound:vm-goodbye</Play></Response>");
        h.app.respond("/agent", "<Response><Dial action=\"/agent-done\"><Queue>support</Queue></Dial></Response>");
        h.app.respond("/agent-done", "<Response><Play>sound:beep</Play></Response>");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private Queue queue() {
        return Harness.await(h.patchbay.store().of(Queue.KIND).findBy(Queue.BY_NAME, Queue.key(h.patchbay.mainAccount().sid(), "support")));
    }

    @Test
    void aCallerWaitsWithTheWaitDocumentAndIsBridgedToTheAgent() {
        InboundCall caller = h.call("+15550000201", "9200");
        RecordedRequest wait = Harness.await(h.app.awaitRequest("/wait"));
        assertEquals("1", wait.param("QueuePosition"));
        assertEquals("1", wait.param("CurrentQueueSize"));
        assertEquals(1, queue().currentSize());
        h.waitUntil("the wait music", () -> !h.heardMedia(caller.channelId()).isEmpty());

        InboundCall agent = h.call("+15550000202", "9201");
        h.waitUntil("the bridge", () -> Harness.await(h.asterisk.state()).bridges().size() == 1);
        assertEquals(0, queue().currentSize());
        assertTrue(Harness.await(h.patchbay.store().of(QueueMember.KIND).get(h.recordOf(caller.channelId(), r -> true).sid())) == null);

        Harness.await(h.asterisk.hangUp(agent.callerChannelId()));
        RecordedRequest left = Harness.await(h.app.awaitRequest("/left-queue"));
        assertEquals("bridged", left.param("QueueResult"));
        assertEquals(queue().sid(), left.param("QueueSid"));
        h.finished(caller.channelId());
        List<String> heard = h.heardMedia(caller.channelId());
        assertEquals("playback sound:vm-goodbye done", heard.get(heard.size() - 1));
        h.finished(agent.channelId());
        h.assertNothingLeaked();
    }

    @Test
    void anAgentWaitsForTheNextCallerAndTheCallerHangingUpEndsTheBridge() {
        InboundCall agent = h.call("+15550000202", "9201");
        Harness.await(h.app.awaitRequest("/agent"));
        InboundCall caller = h.call("+15550000201", "9200");
        h.waitUntil("both in the bridge", () -> h.bridgedChannels().containsAll(List.of(agent.channelId(), caller.channelId())));
        Harness.await(h.asterisk.hangUp(caller.callerChannelId()));
        RecordedRequest done = Harness.await(h.app.awaitRequest("/agent-done"));
        assertEquals("completed", done.param("DialCallStatus"));
        assertEquals(h.recordOf(caller.channelId(), r -> true).sid(), done.param("DialCallSid"));
        h.finished(agent.channelId());
        h.assertNothingLeaked();
    }

    @Test
    void leaveInTheWaitDocumentTakesTheCallerOutOfTheQueue() {
        h.app.respond("/wait", "<Response><Play>sound:beep</Play><Leave/></Response>");
        InboundCall caller = h.call("+15550000201", "9200");
        RecordedRequest left = Harness.await(h.app.awaitRequest("/left-queue"));
        assertEquals("leave", left.param("QueueResult"));
        h.finished(caller.channelId());
        assertEquals(0, queue().currentSize());
        h.assertNothingLeaked();
    }

    @Test
    void withoutWaitUrlTheCallerHearsHoldMusicAndAHangUpLeavesTheQueue() {
        h.app.respond("/caller", "<Response><Enqueue>support</Enqueue></Response>");
        InboundCall caller = h.call("+15550000201", "9200");
        h.waitUntil("hold music", () -> h.heardMedia(caller.channelId()).stream().anyMatch(e -> e.startsWith("moh")));
        Harness.await(h.asterisk.hangUp(caller.callerChannelId()));
        h.finished(caller.channelId());
        h.waitUntil("the queue to empty", () -> queue().currentSize() == 0);
        h.assertNothingLeaked();
    }
}
