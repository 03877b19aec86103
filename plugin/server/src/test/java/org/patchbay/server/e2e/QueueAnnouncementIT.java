package org.patchbay.server.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchbay.asterisk.sim.InboundCall;
import org.patchbay.core.notification.Notification;
import org.patchbay.core.queue.Queue;
import org.patchbay.testkit.RecordedRequest;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code <Dial><Queue url>}: the dequeued caller hears the url's document, then is connected to the agent. */
class QueueAnnouncementIT {
    @TempDir
    Path dataDir;
    Harness h;

    @BeforeEach
    void start() {
        h = Harness.start(dataDir);
        h.number("9300", "/caller", null, null);
        h.number("9301", "/agent", null, null);
        h.app.respond("/caller", "<Response><Enqueue waitUrl=\"/wait\">support</Enqueue></Response>");
        h.app.respond("/wait", "<Response><Play>sound:hello-world</Play></Response>");
        h.app.respond("/agent", "<Response><Dial><Queue url=\"/whisper\">support</Queue></Dial></Response>");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private Queue queue() {
        return Harness.await(h.patchbay.store().of(Queue.KIND).findBy(Queue.BY_NAME, Queue.key(h.patchbay.mainAccount().sid(), "support")));
    }

    @Test
    void theDequeuedCallerHearsTheDocumentBeforeTheBridge() {
        h.app.respond("/whisper", "<Response><Play>sound:beep</Play><Redirect>/whisper-2</Redirect></Response>");
        h.app.respond("/whisper-2", "<Response><Play>sound:vm-goodbye</Play></Response>");
        InboundCall caller = h.call("+15550000301", "9300");
        Harness.await(h.app.awaitRequest("/wait"));
        String queueSid = queue().sid();
        InboundCall agent = h.call("+15550000302", "9301");

        RecordedRequest whisper = Harness.await(h.app.awaitRequest("/whisper"));
        assertEquals(h.recordOf(caller.channelId(), r -> true).sid(), whisper.param("CallSid"), "run on the dequeued caller");
        assertEquals(h.recordOf(agent.channelId(), r -> true).sid(), whisper.param("DequeingCallSid"));
        assertEquals(queueSid, whisper.param("QueueSid"));
        assertTrue(Integer.parseInt(whisper.param("QueueTime")) >= 0, whisper.params().toString());
        Harness.await(h.app.awaitRequest("/whisper-2"));

        h.waitUntil("the bridge", () -> h.bridgedChannels().containsAll(List.of(agent.channelId(), caller.channelId())));
        List<String> heard = h.heardMedia(caller.channelId()).stream().filter(e -> e.startsWith("playback")).toList();
        int beep = heard.indexOf("playback sound:beep done");
        assertTrue(beep >= 0 && heard.indexOf("playback sound:vm-goodbye done") > beep, heard.toString());
        assertTrue(h.heardMedia(agent.channelId()).stream().noneMatch(e -> e.contains("sound:beep")), "the agent does not hear it");

        Harness.await(h.asterisk.hangUp(agent.callerChannelId()));
        h.finished(caller.channelId());
        h.finished(agent.channelId());
        h.assertNothingLeaked();
    }

    @Test
    void verbsTwilioDoesNotAllowThereAreSkippedWithAWarningAndAFailedFetchStillConnects() {
        h.app.respond("/whisper", "<Response><Gather numDigits=\"1\"/><Play>sound:beep</Play></Response>");
        InboundCall caller = h.call("+15550000303", "9300");
        Harness.await(h.app.awaitRequest("/wait"));
        InboundCall agent = h.call("+15550000304", "9301");
        h.waitUntil("the bridge", () -> h.bridgedChannels().containsAll(List.of(agent.channelId(), caller.channelId())));
        assertTrue(h.heardMedia(caller.channelId()).contains("playback sound:beep done"));
        String callerSid = h.recordOf(caller.channelId(), r -> true).sid();
        h.waitUntil("the warning", () -> Harness.await(h.patchbay.store().of(Notification.KIND)
                .list(h.patchbay.mainAccount().sid(), n -> callerSid.equals(n.callSid()) && n.errorCode() == 12200, 0, 5))
                .items().stream().anyMatch(n -> n.messageText().contains("<Gather>")));
        Harness.await(h.asterisk.hangUp(agent.callerChannelId()));
        h.finished(caller.channelId());

        h.app.respond("/whisper", 404, "text/plain", "gone");
        InboundCall second = h.call("+15550000305", "9300");
        h.waitUntil("the second caller waiting", () -> h.app.requests("/wait").size() >= 2);
        InboundCall agent2 = h.call("+15550000306", "9301");
        h.waitUntil("bridged despite the 404", () -> h.bridgedChannels().containsAll(List.of(agent2.channelId(), second.channelId())));
        Harness.await(h.asterisk.hangUp(agent2.callerChannelId()));
        h.finished(second.channelId());
        h.finished(agent2.channelId());
        h.finished(agent.channelId());
        h.assertNothingLeaked();
    }
}
